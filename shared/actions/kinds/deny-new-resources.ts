import { denyPolicyName } from '../../aws/actions/deny-policy.js';
import { attachRolePolicy, detachDenyPolicy, ensureDenyPolicy, roleTags } from '../../aws/actions/iam-deny.js';
import { attachScp, ensureDenyScp, removeScp } from '../../aws/actions/scp.js';
import type { ActionDo } from '../../config/budget-actions.js';
import type { ActionResource } from '../../detect/actions/types.js';
import type { ActionExecutor } from '../types.js';
import { planned } from './resource.js';

type Spec = Extract<ActionDo, { type: 'deny-new-resources' }>;

/**
 * A deny on creating compute, databases and storage: in an organization an SCP
 * attached to the budget's account (from the management account), otherwise a
 * managed IAM policy attached to each role in `do.roles`.
 */
export const denyNewResources: ActionExecutor<Spec> = {
  async plan(spec, target, aws) {
    const name = denyPolicyName(target.recordId);
    if (target.organization) {
      const r = planned('scp', name, null, {}, { attached: false }, { attached: true, target: target.accountId }, null);
      if (target.accountId === target.homeAccountId)
        return [{ ...r, state: 'failed', error: 'SCPs do not restrict the management account: this budget is not covered' }];
      return [r];
    }
    const iam = aws.iam(target.access);
    const out: ActionResource[] = [];
    for (const role of spec.roles ?? []) {
      const tags = await roleTags(iam, role);
      const r = planned('iam-role', role, null, tags ?? {}, { denyPolicy: false }, { denyPolicy: name }, null);
      out.push(tags ? r : { ...r, state: 'failed', error: 'no such role' });
    }
    return out;
  },
  async apply(r, _spec, target, aws) {
    if (r.kind === 'scp') {
      const org = aws.organizations(target.homeAccess);
      const policyId = await ensureDenyScp(org, r.id);
      await attachScp(org, policyId, target.accountId);
      return { ...r, after: { ...r.after, policyId }, state: 'applied' };
    }
    const iam = aws.iam(target.access);
    const arn = await ensureDenyPolicy(iam, String(r.after.denyPolicy), target.accountId);
    await attachRolePolicy(iam, r.id, arn);
    return { ...r, after: { ...r.after, policyArn: arn }, state: 'applied' };
  },
  async undo(r, _spec, target, aws) {
    if (r.kind === 'scp') await removeScp(aws.organizations(target.homeAccess), String(r.after.policyId), target.accountId);
    else await detachDenyPolicy(aws.iam(target.access), r.id, String(r.after.policyArn));
    return { ...r, state: 'restored' };
  },
};
