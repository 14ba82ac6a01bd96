import { budgetPeriodAmounts } from '../../aws/budget-history.js';
import { listBudgets } from '../../aws/budgets.js';
import { mapLimit } from '../../concurrency.js';
import { budgetLine, reportableBudgets, sortBudgetLines, type BudgetLine } from '../../report/budgets.js';
import { firstDayOfMonth, monthEndExclusive, type IsoMonth } from '../../time/dates.js';
import { readBudgetAccounts } from '../budgets/accounts.js';
import type { JobContext } from '../common/context.js';

/** History calls in flight per account: AWS Budgets throttles bursts. */
const HISTORY_CONCURRENCY = 4;

/**
 * Every monthly cost budget in force during the month, each with its own
 * actual for that month (DescribeBudgetPerformanceHistory): one call per such
 * budget, in the budget's account, as the budgets job reads them.
 */
export async function readReportBudgets(ctx: JobContext, month: IsoMonth): Promise<BudgetLine[]> {
  const period = { start: firstDayOfMonth(month), endExclusive: monthEndExclusive(month) };
  const { accountId, accounts } = await readBudgetAccounts(ctx, 'monthly-report', async (client, account) => {
    const budgets = reportableBudgets((await listBudgets(client, account)).budgets, month);
    return mapLimit(budgets, HISTORY_CONCURRENCY, async (b) => ({
      budget: b,
      amounts: await budgetPeriodAmounts(client, account, b.BudgetName ?? '', period),
    }));
  });
  const lines = accounts.flatMap((a) =>
    a.value.map(({ budget, amounts }) =>
      budgetLine(budget, month, amounts, {
        account: a.organization ? a.account : null,
        accountName: a.accountName,
        home: a.account === accountId,
      }),
    ),
  );
  return sortBudgetLines(lines);
}
