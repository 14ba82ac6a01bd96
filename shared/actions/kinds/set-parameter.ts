import { parameterTags, readParameter, writeParameter, deleteParameter } from '../../aws/actions/ssm-parameters.js';
import type { ActionDo } from '../../config/budget-actions.js';
import type { ResourceSnapshot } from '../../detect/actions/types.js';
import type { ParameterNow } from '../../aws/actions/ssm-parameters.js';
import type { ActionExecutor } from '../types.js';
import { planned } from './resource.js';

type Spec = Extract<ActionDo, { type: 'set-parameter' }>;

const snapshot = (now: ParameterNow): ResourceSnapshot =>
  now.exists ? { exists: true, value: now.value, type: now.type } : { exists: false };

/** SSM Parameter Store PutParameter with overwrite; undo writes the old value back, or deletes a parameter it created. */
export const setParameter: ActionExecutor<Spec> = {
  async plan(spec, target, aws) {
    const region = spec.region ?? target.homeRegion;
    const ssm = aws.ssm(region, target.access);
    const now = await readParameter(ssm, spec.name, region);
    const tags = now.exists ? await parameterTags(ssm, spec.name, region) : {};
    const before = snapshot(now);
    const r = planned('ssm-parameter', spec.name, region, tags, before, { value: spec.value }, null);
    if (now.exists && now.type === 'SecureString')
      return [
        {
          ...r,
          before: { exists: true, type: now.type },
          state: 'failed',
          error: 'a SecureString is not set: its value would be kept in the ledger',
        },
      ];
    if (r.state === 'planned' && now.exists && now.value === spec.value) return [{ ...r, state: 'unchanged' }];
    return [r];
  },
  async apply(r, spec, target, aws) {
    const region = r.region ?? target.homeRegion;
    const ssm = aws.ssm(region, target.access);
    const now = await readParameter(ssm, r.id, region);
    if (now.exists && now.type === 'SecureString') return { ...r, state: 'failed', error: 'became a SecureString since the plan: not set' };
    const before = snapshot(now);
    await writeParameter(ssm, r.id, spec.value, now.exists ? now.type : 'String', region);
    return { ...r, before, state: 'applied' };
  },
  async undo(r, _spec, target, aws) {
    const region = r.region ?? target.homeRegion;
    const ssm = aws.ssm(region, target.access);
    if (r.before.exists === false) await deleteParameter(ssm, r.id, region);
    else await writeParameter(ssm, r.id, String(r.before.value), String(r.before.type ?? 'String'), region);
    return { ...r, state: 'restored' };
  },
};
