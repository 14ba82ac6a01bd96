import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DetachRolePolicyCommand,
  ListRoleTagsCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { tagMap, type TagMap } from '../../detect/actions/tags.js';
import { explainAwsError } from '../errors.js';
import { denyPolicyDocument } from './deny-policy.js';

/** A role's tags; undefined when the role does not exist. */
export async function roleTags(iam: IAMClient, role: string): Promise<TagMap | undefined> {
  try {
    const out = await iam.send(new ListRoleTagsCommand({ RoleName: role }));
    return tagMap(out.Tags);
  } catch (err) {
    if ((err as Error)?.name === 'NoSuchEntityException') return undefined;
    throw explainAwsError(err, `IAM ListRoleTags ${role}`, 'iam:ListRoleTags');
  }
}

/** The managed deny policy's ARN, created if missing (a retried apply finds the one it made). */
export async function ensureDenyPolicy(iam: IAMClient, name: string, accountId: string, partition = 'aws'): Promise<string> {
  try {
    const out = await iam.send(
      new CreatePolicyCommand({
        PolicyName: name,
        PolicyDocument: denyPolicyDocument(),
        Description: 'cost-watch budget action: deny new resources',
      }),
    );
    return out.Policy?.Arn ?? `arn:${partition}:iam::${accountId}:policy/${name}`;
  } catch (err) {
    if ((err as Error)?.name === 'EntityAlreadyExistsException') return `arn:${partition}:iam::${accountId}:policy/${name}`;
    throw explainAwsError(err, `IAM CreatePolicy ${name}`, 'iam:CreatePolicy');
  }
}

export async function attachRolePolicy(iam: IAMClient, role: string, policyArn: string): Promise<void> {
  await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: policyArn })).catch((err: unknown) => {
    throw explainAwsError(err, `IAM AttachRolePolicy to ${role}`, 'iam:AttachRolePolicy');
  });
}

/** Detaches it from the role, then deletes the policy once no role holds it (DeleteConflict: another role still does). */
export async function detachDenyPolicy(iam: IAMClient, role: string, policyArn: string): Promise<void> {
  await iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: policyArn })).catch((err: unknown) => {
    if ((err as Error)?.name === 'NoSuchEntityException') return;
    throw explainAwsError(err, `IAM DetachRolePolicy from ${role}`, 'iam:DetachRolePolicy');
  });
  await iam.send(new DeletePolicyCommand({ PolicyArn: policyArn })).catch((err: unknown) => {
    if (/DeleteConflict|NoSuchEntity/.test((err as Error)?.name ?? '')) return;
    throw explainAwsError(err, `IAM DeletePolicy ${policyArn}`, 'iam:DeletePolicy');
  });
}
