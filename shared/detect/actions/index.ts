export * from './types.js';
export { approverTier, mayApprove, type ChosenTier } from './approvers.js';
export { isProtected, matchesTags, nameOf, PROTECT_TAG, tagMap, type TagMap } from './tags.js';
export { actionRecordId, periodOver, triggeredActions, type TriggeredAction } from './trigger.js';
export { FROM, refusal, statusAfterApply, statusAfterUndo, toRestore } from './lifecycle.js';
