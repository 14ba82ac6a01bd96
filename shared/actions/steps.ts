import { errorMessage } from '../aws/errors.js';
import type { ActionDo } from '../config/budget-actions.js';
import { FROM, refusal, statusAfterApply, statusAfterUndo, toRestore } from '../detect/actions/lifecycle.js';
import type { ActionRecord, ActionResource, ActionStatus } from '../detect/actions/types.js';
import { ACTION_LOCK_SECONDS, type StoredAction } from '../ledger/action-records.js';
import type { ActionDeps, StepOutcome } from './types.js';

const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

function moved(r: ActionRecord, status: ActionStatus, by: string, now: Date, resources = r.resources, note?: string): ActionRecord {
  const at = now.toISOString();
  return { ...r, status, by, resources, updatedAt: at, history: [...r.history, { status, by, at, ...(note ? { note } : {}) }] };
}

async function current(deps: ActionDeps, id: string, what: string): Promise<StepOutcome> {
  const now = await deps.records.get(id);
  return now
    ? {
        outcome: 'refused',
        reason: `action ${id} was ${what} by another run meanwhile: it is ${now.record.status} now`,
        record: now.record,
      }
    : { outcome: 'refused', reason: `no action record ${id}` };
}

/**
 * Approves (when still proposed) and applies an action, once: the record is
 * taken with a lock before anything changes, so a second click, a second run
 * or a replayed request finds it taken or moved on and changes nothing. Each
 * resource is changed on its own; one that fails is recorded as failed and the
 * others go ahead (status `failed`, undo restores what changed).
 */
export async function applyAction(recordId: string, by: string, deps: ActionDeps): Promise<StepOutcome> {
  let stored = await deps.records.get(recordId);
  if (!stored) return { outcome: 'refused', reason: `no action record ${recordId}` };
  if (stored.record.status === 'proposed') {
    const approved = await deps.records.step(stored, moved(stored.record, 'approved', by, deps.now()), FROM.approve);
    if (!approved) return current(deps, recordId, 'decided');
    stored = approved;
  }
  const why = refusal('apply', stored.record);
  if (why) return { outcome: 'refused', reason: why, record: stored.record };
  const staleBefore = epoch(deps.now()) - ACTION_LOCK_SECONDS;
  const locked = await deps.records.step(stored, stored.record, FROM.apply, { step: 'apply', staleBefore });
  if (!locked) return current(deps, recordId, 'taken');
  // Listed before anything changes: a run that dies mid-apply still leaves its changes findable for the period-end restore.
  await deps.records.setOpen(recordId, true);
  const resources = await changeEach(locked, deps, 'apply');
  return finish(locked, moved(locked.record, statusAfterApply(resources), by, deps.now(), resources), FROM.apply, deps);
}

/** Restores what an applied (or partly applied) action changed, resource by resource, once. */
export async function undoAction(recordId: string, by: string, deps: ActionDeps): Promise<StepOutcome> {
  const stored = await deps.records.get(recordId);
  if (!stored) return { outcome: 'refused', reason: `no action record ${recordId}` };
  const why = refusal('undo', stored.record);
  if (why) return { outcome: 'refused', reason: why, record: stored.record };
  const staleBefore = epoch(deps.now()) - ACTION_LOCK_SECONDS;
  const locked = await deps.records.step(stored, stored.record, FROM.undo, { step: 'undo', staleBefore });
  if (!locked) return current(deps, recordId, 'taken');
  const resources = await changeEach(locked, deps, 'undo');
  const next = moved(locked.record, statusAfterUndo(resources), by, deps.now(), resources);
  const out = await finish(locked, next, FROM.undo, deps);
  if (out.outcome === 'done' && out.record.status === 'restored') await deps.records.setOpen(recordId, false);
  return out;
}

/** Rejects a proposed action: nothing is changed, and it is never proposed again this period. */
export async function rejectAction(recordId: string, by: string, deps: ActionDeps): Promise<StepOutcome> {
  const stored = await deps.records.get(recordId);
  if (!stored) return { outcome: 'refused', reason: `no action record ${recordId}` };
  const why = refusal('reject', stored.record);
  if (why) return { outcome: 'refused', reason: why, record: stored.record };
  const next = await deps.records.step(stored, moved(stored.record, 'rejected', by, deps.now()), FROM.reject);
  return next ? { outcome: 'done', record: next.record } : current(deps, recordId, 'decided');
}

async function changeEach(locked: StoredAction, deps: ActionDeps, step: 'apply' | 'undo'): Promise<ActionResource[]> {
  const r = locked.record;
  const executor = deps.executor(r.type);
  const spec = r.spec as ActionDo;
  const target = await deps.target(r);
  const out: ActionResource[] = [];
  // One at a time: few resources, and a denial on one must not race the others' before-state.
  for (const res of r.resources) {
    const due = step === 'apply' ? res.state === 'planned' : toRestore(res);
    if (!due) {
      out.push(res);
      continue;
    }
    try {
      out.push(await (step === 'apply' ? executor.apply(res, spec, target, deps.aws) : executor.undo(res, spec, target, deps.aws)));
    } catch (err) {
      out.push({ ...res, state: step === 'apply' ? 'failed' : 'restore-failed', error: errorMessage(err) });
    }
  }
  deps.log.progress(`${step === 'apply' ? 'applied' : 'undid'} action ${r.id}: ${summary(out)}`);
  return out;
}

const summary = (resources: readonly ActionResource[]) => {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  return [...counts].map(([state, n]) => `${n} ${state}`).join(', ') || 'no resources';
};

/** Writes the outcome and releases the lock; if another holder took a stale lock meanwhile, says so. */
async function finish(locked: StoredAction, next: ActionRecord, from: readonly ActionStatus[], deps: ActionDeps): Promise<StepOutcome> {
  const done = await deps.records.step(locked, next, from);
  if (done) return { outcome: 'done', record: done.record };
  deps.log.warn(`action ${next.id}: its record changed while it ran; what this run did: ${summary(next.resources)}`);
  return current(deps, next.id, 'changed');
}
