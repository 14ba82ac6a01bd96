import { createHash } from 'node:crypto';
import type { BudgetActionConfig } from '../../config/budget-actions.js';
import type { BudgetEvaluation } from '../budget.js';
import type { ActionPeriod } from './types.js';

export interface TriggeredAction {
  readonly action: BudgetActionConfig;
  /** The budget's percent of the kind the action watches (actual or forecast). */
  readonly pct: number;
}

/**
 * The actions a budget's evaluation triggers: those naming this budget (or
 * every budget) whose `atPct` the watched percent is at or above. A forecast
 * the budget does not have yet triggers nothing.
 */
export function triggeredActions(e: BudgetEvaluation, actions: readonly BudgetActionConfig[]): TriggeredAction[] {
  return actions.flatMap((action) => {
    if (action.budgets && !action.budgets.includes(e.budget)) return [];
    const pct = action.on === 'forecast' ? e.forecastPct : e.actualPct;
    return pct !== null && pct >= action.atPct ? [{ action, pct }] : [];
  });
}

/**
 * The record id of one (action id, budget, account, budget period): the same
 * in every run, so the ledger's conditional create lets it happen once. The
 * action id leads, so a person can tell records apart.
 */
export function actionRecordId(action: string, budget: string, accountId: string, period: Pick<ActionPeriod, 'unit' | 'start'>): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([action, budget, accountId, period.unit, period.start]))
    .digest('hex');
  return `${action}-${digest.slice(0, 10)}`;
}

/** Whether a budget period is over at `now` (its end day has begun): the first run after it restores. */
export const periodOver = (period: Pick<ActionPeriod, 'endExclusive'>, now: Date): boolean =>
  Date.parse(`${period.endExclusive}T00:00:00Z`) <= now.getTime();
