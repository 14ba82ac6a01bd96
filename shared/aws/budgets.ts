import { DescribeBudgetsCommand, type Budget, type BudgetsClient, type Spend } from '@aws-sdk/client-budgets';
import type { Amount, BudgetFacts } from '../detect/budget.js';
import { toIsoDate, type IsoDate } from '../time/dates.js';
import { explainAwsError } from './errors.js';

/** The largest page DescribeBudgets serves: 100 budgets cost one call. */
export const BUDGETS_PAGE_SIZE = 100;

export interface BudgetListing {
  readonly budgets: Budget[];
  /** DescribeBudgets calls made, so that jobs can report their API cost. */
  readonly pages: number;
}

/** Every budget of the account, following NextToken to the end, with the number of pages read. */
export async function listBudgets(client: BudgetsClient, accountId: string): Promise<BudgetListing> {
  const budgets: Budget[] = [];
  let pages = 0;
  let token: string | undefined;
  do {
    pages++;
    const page = await client
      .send(new DescribeBudgetsCommand({ AccountId: accountId, MaxResults: BUDGETS_PAGE_SIZE, NextToken: token }))
      .catch((err: unknown) => {
        throw explainAwsError(err, 'Budgets DescribeBudgets', 'budgets:ViewBudget');
      });
    budgets.push(...(page.Budgets ?? []));
    // A token that repeats would loop forever; AWS never sends one, an emulator might.
    token = page.NextToken && page.NextToken !== token ? page.NextToken : undefined;
  } while (token);
  return { budgets, pages };
}

/** Every budget of the account (paginated DescribeBudgets, 100 a page). */
export async function describeAllBudgets(client: BudgetsClient, accountId: string): Promise<Budget[]> {
  return (await listBudgets(client, accountId)).budgets;
}

const amountOf = (spend: Spend | undefined): Amount | undefined =>
  spend?.Amount === undefined ? undefined : { amount: Number(spend.Amount), unit: spend.Unit ?? 'USD' };

/** AWS keys PlannedBudgetLimits by the period's start in epoch seconds; the rule keys them by ISO date. */
function plannedLimits(planned: Record<string, Spend> | undefined): Record<IsoDate, Amount> {
  const out: Record<IsoDate, Amount> = {};
  for (const [seconds, spend] of Object.entries(planned ?? {})) {
    const amount = amountOf(spend);
    const at = Number(seconds);
    if (amount && Number.isFinite(at)) out[toIsoDate(new Date(at * 1000))] = amount;
  }
  return out;
}

/** The SDK's Budget reduced to what the budget rule reads. */
export function toBudgetFacts(b: Budget): BudgetFacts {
  const start = b.TimePeriod?.Start;
  const end = b.TimePeriod?.End;
  return {
    name: b.BudgetName ?? '(unnamed budget)',
    budgetType: b.BudgetType,
    timeUnit: b.TimeUnit,
    periodStart: start && !Number.isNaN(start.getTime()) ? toIsoDate(start) : undefined,
    periodEnd: end && !Number.isNaN(end.getTime()) ? toIsoDate(end) : undefined,
    limit: amountOf(b.BudgetLimit),
    plannedLimits: plannedLimits(b.PlannedBudgetLimits),
    actual: amountOf(b.CalculatedSpend?.ActualSpend),
    forecast: amountOf(b.CalculatedSpend?.ForecastedSpend),
  };
}
