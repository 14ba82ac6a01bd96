import { BudgetsClient, CreateBudgetCommand, type Budget } from '@aws-sdk/client-budgets';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { BudgetRecord, BudgetsDouble } from '../../emulators/budgets.js';
import { addMonths, monthOf } from '../../shared/time/dates.js';
import { monthlyReportDataset } from './monthly-dataset.js';

/** Clients from the demo's environment record (not process.env): moto endpoint and that account's keys. */
function clientConfig(env: Record<string, string>) {
  const { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!endpoint || !accessKeyId || !secretAccessKey)
    throw new Error('seedBudgets: env needs AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  return { endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey } };
}

const usd = (amount: number) => ({ Amount: amount.toFixed(2), Unit: 'USD' });

/** A monthly COST budget starting this month; moto keeps CalculatedSpend exactly as given here. */
export function monthlyCostBudget(name: string, limit: number, actual: number, forecast: number, now = new Date()): Budget {
  return {
    BudgetName: name,
    BudgetType: 'COST',
    TimeUnit: 'MONTHLY',
    TimePeriod: { Start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), End: new Date('2087-06-15T00:00:00Z') },
    BudgetLimit: usd(limit),
    CalculatedSpend: { ActualSpend: usd(actual), ForecastedSpend: usd(forecast) },
  };
}

/** What the demo shows: one quiet, one forecast to overrun, one over; a usage budget is listed as skipped. */
export function demoBudgets(now = new Date()): Budget[] {
  return [
    monthlyCostBudget('team-data', 1000, 400, 700, now), // 40%: nothing to say
    monthlyCostBudget('team-web', 500, 400, 650, now), // 80%, forecast 130%: warning (actual) and warning (forecast)
    monthlyCostBudget('platform-prod', 2000, 2100, 2600, now), // 105%: emergency, @here
    {
      BudgetName: 'ec2-hours',
      BudgetType: 'USAGE',
      TimeUnit: 'MONTHLY',
      BudgetLimit: { Amount: '5000', Unit: 'Hrs' },
      CalculatedSpend: { ActualSpend: { Amount: '4900', Unit: 'Hrs' } },
    },
  ];
}

export async function createBudgets(env: Record<string, string>, budgets: readonly Budget[]): Promise<string> {
  const config = clientConfig(env);
  const { Account: accountId } = await new STSClient(config).send(new GetCallerIdentityCommand({}));
  if (!accountId) throw new Error('seedBudgets: STS returned no account');
  const client = new BudgetsClient(config);
  for (const budget of budgets) await client.send(new CreateBudgetCommand({ AccountId: accountId, Budget: budget }));
  return accountId;
}

const lastMonthOf = (now: Date) => addMonths(monthOf(now.toISOString().slice(0, 10)), -1);
const filteredBy = (team: string): Partial<Budget> => ({ CostFilters: { TagKeyValue: [`user:team$${team}`] } });

/**
 * Every budget of the demo account, as the Budgets double serves them to both
 * the budgets job (this month's CalculatedSpend) and the monthly report (last
 * month's actual from the performance history): the team budgets stand at the
 * same 40 %, 80 % and 105 % in both; the account total and the data team's
 * budget match last month's Cost Explorer figures.
 */
export function demoBudgetRecords(account: string, now = new Date()): BudgetRecord[] {
  const [month, thisMonth] = [lastMonthOf(now), monthOf(now.toISOString().slice(0, 10))];
  const spend = monthlyReportDataset(month).filter((r) => r.date.startsWith(month));
  const sum = (records: typeof spend) => Math.round(records.reduce((a, r) => a + r.amount, 0) * 100) / 100;
  const since = { Start: new Date(Date.UTC(now.getUTCFullYear() - 1, 0, 1)), End: new Date('2087-06-15T00:00:00Z') };
  const budget = (
    name: string,
    limit: number,
    actual: number,
    forecast: number,
    over: Partial<Budget> = {},
    lastMonth = actual,
  ): BudgetRecord => ({
    account,
    budget: { ...monthlyCostBudget(name, limit, actual, forecast, now), TimePeriod: since, ...over },
    history: { [month]: lastMonth, [thisMonth]: actual },
  });
  const [usage] = demoBudgets(now).filter((b) => b.BudgetType === 'USAGE');
  return [
    budget('team-data', 1000, 400, 700, filteredBy('data')), // 40%: nothing to say
    budget('team-web', 500, 400, 650, filteredBy('web')), // 80%, forecast 130%: warning (actual) and warning (forecast)
    budget('platform-prod', 2000, 2100, 2600, filteredBy('platform')), // 105%: emergency, @here
    budget('Monthly AWS total', 30_000, 9_800, 29_000, {}, sum(spend)),
    budget('Data team', 9_000, 3_100, 8_800, filteredBy('data'), sum(spend.filter((r) => r.tags?.team === 'data'))),
    { account, budget: usage! },
  ];
}

/** Serves the demo's budgets from the Budgets double (the job and the report reach it through AWS_ENDPOINT_URL_BUDGETS). */
export async function seedBudgets(double: BudgetsDouble, env: Record<string, string>, now = new Date()): Promise<void> {
  const { Account: account } = await new STSClient(clientConfig(env)).send(new GetCallerIdentityCommand({}));
  if (!account) throw new Error('seedBudgets: STS returned no account');
  double.setBudgets(demoBudgetRecords(account, now));
}
