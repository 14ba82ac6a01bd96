import type { BudgetActionConfig } from '../config/budget-actions.js';
import type { BudgetPeriod } from '../detect/budget.js';
import { actionRecordId } from '../detect/actions/trigger.js';
import type { ActionRecord, ActionStatus } from '../detect/actions/types.js';
import type { AwsClients } from '../aws/aws-clients.js';
import type { ActionsAccess } from './access.js';
import { effectOf, executorFor } from './kinds/index.js';

export interface PlanInput {
  readonly action: BudgetActionConfig;
  /** The percent that crossed atPct. */
  readonly pct: number;
  readonly budget: string;
  /** null in a single-account config. */
  readonly account: string | null;
  readonly accountId: string;
  readonly period: BudgetPeriod;
  /** budgets.restoreAtPeriodEnd, which the action may override. */
  readonly restoreAtPeriodEnd: boolean;
  readonly now: Date;
}

export const recordIdOf = (p: Pick<PlanInput, 'action' | 'budget' | 'accountId' | 'period'>) =>
  actionRecordId(p.action.id, p.budget, p.accountId, p.period);

/**
 * Plan first: every resource the action would change (protected ones listed,
 * never touched), each one's state now, and the monthly spend it stops. Reads
 * only; the record comes back `planned`, to be stored as proposed or approved.
 */
export async function planAction(
  p: PlanInput,
  access: ActionsAccess,
  aws: AwsClients,
  status: ActionStatus,
  by: string,
): Promise<ActionRecord> {
  const id = recordIdOf(p);
  const target = await access.target({ id, account: p.account, accountId: p.accountId });
  const resources = await executorFor(p.action.do.type).plan(p.action.do, target, aws);
  const at = p.now.toISOString();
  return {
    id,
    action: p.action.id,
    type: p.action.do.type,
    budget: p.budget,
    account: p.account,
    accountId: p.accountId,
    period: { unit: p.period.unit, start: p.period.start, endExclusive: p.period.endExclusive },
    status,
    by,
    estimatedMonthlyEffect: p.action.do.type === 'scale-down' ? effectOf(resources) : null,
    resources,
    trigger: { on: p.action.on, atPct: p.action.atPct, pct: p.pct },
    restoreAtPeriodEnd: p.action.restoreAtPeriodEnd ?? p.restoreAtPeriodEnd,
    spec: p.action.do,
    history: [{ status, by, at }],
    createdAt: at,
    updatedAt: at,
  };
}
