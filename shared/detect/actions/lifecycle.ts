import type { ActionRecord, ActionResource, ActionStatus } from './types.js';

/**
 * Which status a record may move from, for each step. The store writes every
 * step conditioned on these, so a click on a spent button, a second run or a
 * replayed request finds the record moved on and changes nothing.
 */
export const FROM: Readonly<Record<'approve' | 'reject' | 'apply' | 'undo', readonly ActionStatus[]>> = {
  approve: ['proposed'],
  reject: ['proposed'],
  /** `approved` by a click or by approval "auto". */
  apply: ['approved'],
  /** `failed` too: a partial failure changed some resources, and undo restores those. */
  undo: ['applied', 'failed'],
};

/** Resources an undo puts back: those changed (or whose restore failed before and may be retried). */
export const toRestore = (r: ActionResource) => r.state === 'applied' || r.state === 'restore-failed';

/** The status after applying: failed as soon as one resource failed (the others stay changed, undo restores them). */
export function statusAfterApply(resources: readonly ActionResource[]): ActionStatus {
  return resources.some((r) => r.state === 'failed') ? 'failed' : 'applied';
}

/** Restored when nothing changed is left; failed while a restore failed (undo may be run again). */
export function statusAfterUndo(resources: readonly ActionResource[]): ActionStatus {
  return resources.some((r) => r.state === 'restore-failed') ? 'failed' : 'restored';
}

/** Why a step is refused on a record in this status, for the person who asked. */
export function refusal(step: keyof typeof FROM, r: Pick<ActionRecord, 'id' | 'status' | 'resources'>): string | undefined {
  if (step === 'undo') {
    if (!FROM.undo.includes(r.status)) return `action ${r.id} was never applied (status ${r.status}): nothing to undo`;
    if (!r.resources.some(toRestore)) return `action ${r.id} changed nothing (status ${r.status}): nothing to undo`;
    return undefined;
  }
  if (FROM[step].includes(r.status)) return undefined;
  return `action ${r.id} is ${r.status}: it cannot be ${step === 'apply' ? 'applied' : `${step}d`} now`;
}
