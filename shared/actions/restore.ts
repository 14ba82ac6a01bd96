import { periodOver } from '../detect/actions/trigger.js';
import type { ActionRecord } from '../detect/actions/types.js';
import { undoAction } from './steps.js';
import type { ActionDeps } from './types.js';

/** Who restores at the period's end, as records and messages show it. */
export const PERIOD_END = 'period-end';

/**
 * The first budgets run of the next period restores what the last period's
 * actions changed (unless restoreAtPeriodEnd is false): one read of the open
 * list, one batch read of those records. A deny policy is lifted first, so the
 * rest is never blocked by it.
 */
export async function restoreAtPeriodEnd(deps: ActionDeps): Promise<ActionRecord[]> {
  const ids = await deps.records.openIds();
  if (!ids.length) return [];
  const stored = await deps.records.getMany(ids);
  const now = deps.now();
  const due: ActionRecord[] = [];
  for (const id of ids) {
    const r = stored.get(id)?.record;
    if (!r || r.status === 'restored' || r.status === 'rejected') await deps.records.setOpen(id, false);
    else if ((r.status === 'applied' || r.status === 'failed') && r.restoreAtPeriodEnd && periodOver(r.period, now)) due.push(r);
  }
  due.sort((a, b) => Number(b.type === 'deny-new-resources') - Number(a.type === 'deny-new-resources') || a.id.localeCompare(b.id));
  const restored: ActionRecord[] = [];
  for (const r of due) {
    const out = await undoAction(r.id, PERIOD_END, deps);
    if (out.outcome === 'done') restored.push(out.record);
    else deps.log.warn(`budget action ${r.id}: not restored at period end: ${out.reason}`);
  }
  return restored;
}
