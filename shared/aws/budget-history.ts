import { DescribeBudgetPerformanceHistoryCommand, type BudgetedAndActualAmounts, type BudgetsClient } from '@aws-sdk/client-budgets';
import { toIsoDate, type IsoDate } from '../time/dates.js';
import { explainAwsError } from './errors.js';

/** What AWS Budgets recorded for one period of one budget. */
export interface BudgetPeriodAmounts {
  readonly actual: number;
  /** The limit that applied in that period (a planned limit where the budget has them). */
  readonly budgeted: number | undefined;
}

const numberOf = (amount: string | undefined) => (amount === undefined || !Number.isFinite(Number(amount)) ? undefined : Number(amount));

/**
 * A budget's actual for the period starting on `start`, from
 * DescribeBudgetPerformanceHistory (budgets:ViewBudget, as DescribeBudgets).
 * AWS keeps a monthly budget's history for the current month and the 12
 * before it; undefined when it has no entry for that period.
 */
export async function budgetPeriodAmounts(
  client: BudgetsClient,
  accountId: string,
  budgetName: string,
  period: { start: IsoDate; endExclusive: IsoDate },
): Promise<BudgetPeriodAmounts | undefined> {
  const entries: BudgetedAndActualAmounts[] = [];
  let token: string | undefined;
  do {
    const input = {
      AccountId: accountId,
      BudgetName: budgetName,
      TimePeriod: { Start: new Date(`${period.start}T00:00:00Z`), End: new Date(`${period.endExclusive}T00:00:00Z`) },
      NextToken: token,
    };
    const page = await client.send(new DescribeBudgetPerformanceHistoryCommand(input)).catch((err: unknown) => {
      throw explainAwsError(err, 'Budgets DescribeBudgetPerformanceHistory', 'budgets:ViewBudget');
    });
    entries.push(...(page.BudgetPerformanceHistory?.BudgetedAndActualAmountsList ?? []));
    token = page.NextToken && page.NextToken !== token ? page.NextToken : undefined;
  } while (token);
  const entry = entries.find((e) => e.TimePeriod?.Start && toIsoDate(e.TimePeriod.Start) === period.start);
  const actual = numberOf(entry?.ActualAmount?.Amount);
  return actual === undefined ? undefined : { actual, budgeted: numberOf(entry?.BudgetedAmount?.Amount) };
}
