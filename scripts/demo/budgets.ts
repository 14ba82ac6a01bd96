import { BudgetsClient, CreateBudgetCommand, type Budget } from '@aws-sdk/client-budgets';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

/** Clients from the demo's environment record (not process.env): moto endpoint and that account's keys. */
function clientConfig(env: Record<string, string>) {
  const { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!endpoint || !accessKeyId || !secretAccessKey) throw new Error('seedBudgets: env needs AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
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

/** Seeds moto with the demo's budgets at 40%, 80% (forecast 130%) and 105%, plus a USAGE budget the job skips. */
export async function seedBudgets(env: Record<string, string>): Promise<void> {
  await createBudgets(env, demoBudgets());
}
