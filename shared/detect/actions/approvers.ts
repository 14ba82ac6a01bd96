import type { ApproverTier } from '../../config/budget-actions.js';

export interface ChosenTier extends ApproverTier {
  /** Position in budgets.approvers. */
  readonly index: number;
}

/**
 * The tier that covers an estimated monthly effect: the first whose `upTo` is
 * at least the effect. An effect nobody could estimate (null) needs the last
 * tier, which has no `upTo`. Undefined only when no tiers are configured.
 */
export function approverTier(effect: number | null, approvers: readonly ApproverTier[]): ChosenTier | undefined {
  const last = approvers.length - 1;
  if (last < 0) return undefined;
  const index = effect === null ? last : approvers.findIndex((t) => t.upTo === undefined || t.upTo >= effect);
  const at = index < 0 ? last : index;
  return { ...approvers[at]!, index: at };
}

/**
 * Whether a Slack user may approve (or reject, or undo) an action of this
 * effect: a user of the covering tier or of any higher tier.
 */
export function mayApprove(user: string, effect: number | null, approvers: readonly ApproverTier[]): boolean {
  const tier = approverTier(effect, approvers);
  if (!tier) return false;
  return approvers.some((t, i) => i >= tier.index && t.slackUsers.includes(user));
}
