import {
  AttachPolicyCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DetachPolicyCommand,
  paginateListPolicies,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { explainAwsError } from '../errors.js';
import { denyPolicyDocument } from './deny-policy.js';

/** The id of the SCP of this name, created if missing (a retried apply finds the one it made). */
export async function ensureDenyScp(org: OrganizationsClient, name: string): Promise<string> {
  try {
    const out = await org.send(
      new CreatePolicyCommand({
        Name: name,
        Type: 'SERVICE_CONTROL_POLICY',
        Content: denyPolicyDocument(),
        Description: 'cost-watch budget action: no new compute, databases or storage until undone',
        // The actions role may create, attach and delete only SCPs carrying this tag (infra/constructs/action-permissions.ts).
        Tags: [{ Key: 'cost-watch:owner', Value: 'cost-watch' }],
      }),
    );
    return out.Policy?.PolicySummary?.Id ?? '';
  } catch (err) {
    if ((err as Error)?.name !== 'DuplicatePolicyException')
      throw explainAwsError(err, `Organizations CreatePolicy ${name}`, 'organizations:CreatePolicy');
  }
  for await (const page of paginateListPolicies({ client: org }, { Filter: 'SERVICE_CONTROL_POLICY' }))
    for (const p of page.Policies ?? []) if (p.Name === name && p.Id) return p.Id;
  throw new Error(`Organizations: policy ${name} exists but is not listed`);
}

export async function attachScp(org: OrganizationsClient, policyId: string, account: string): Promise<void> {
  await org.send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: account })).catch((err: unknown) => {
    if ((err as Error)?.name === 'DuplicatePolicyAttachmentException') return;
    throw explainAwsError(err, `Organizations AttachPolicy ${policyId} to ${account}`, 'organizations:AttachPolicy');
  });
}

/** Detaches and deletes the policy; either already done counts as done. */
export async function removeScp(org: OrganizationsClient, policyId: string, account: string): Promise<void> {
  await org.send(new DetachPolicyCommand({ PolicyId: policyId, TargetId: account })).catch((err: unknown) => {
    if (/PolicyNotAttached|PolicyNotFound/.test((err as Error)?.name ?? '')) return;
    throw explainAwsError(err, `Organizations DetachPolicy ${policyId} from ${account}`, 'organizations:DetachPolicy');
  });
  await org.send(new DeletePolicyCommand({ PolicyId: policyId })).catch((err: unknown) => {
    if (/PolicyNotFound/.test((err as Error)?.name ?? '')) return;
    throw explainAwsError(err, `Organizations DeletePolicy ${policyId}`, 'organizations:DeletePolicy');
  });
}
