import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Budget } from '@aws-sdk/client-budgets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBudgetsDouble, type BudgetsDouble } from '../../emulators/budgets.js';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { seedOrganization, type OrgMember, type SeededOrganization } from '../../emulators/organization.js';
import { monthlyReportDataset } from '../../scripts/demo/monthly-report.js';
import type { MonthlyReportResult } from '../../shared/jobs/monthly-report/job.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const MONTH = '2026-03';
const usd = (n: number) => ({ Amount: String(n), Unit: 'USD' });
const since = (start: string): Budget['TimePeriod'] => ({ Start: new Date(`${start}T00:00:00Z`), End: new Date('2087-06-15T00:00:00Z') });
const monthly = (name: string, limit: number, start = '2025-01-01', over: Partial<Budget> = {}): Budget => ({
  BudgetName: name,
  BudgetType: 'COST',
  TimeUnit: 'MONTHLY',
  BudgetLimit: usd(limit),
  TimePeriod: since(start),
  // The running month's figures: the report of a closed month must not use them.
  CalculatedSpend: { ActualSpend: usd(limit * 3), ForecastedSpend: usd(limit * 4) },
  ...over,
});

let aws: TestAws;
let ce: CostExplorerDouble;
let budgets: BudgetsDouble;
let dir: string;

async function report(config: Record<string, unknown>): Promise<MonthlyReportResult> {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(config));
  const r = await runCli(['run', 'monthly-report', '--month', MONTH, '--dry-run', '--json', '--config', file], {
    env: { ...aws.env, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url, AWS_ENDPOINT_URL_BUDGETS: budgets.url },
    timeoutMs: 90_000,
  });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as MonthlyReportResult;
}

beforeAll(async () => {
  aws = await awsEnvFor();
  [ce, budgets] = await Promise.all([startCostExplorerDouble(), startBudgetsDouble()]);
  ce.setDataset(monthlyReportDataset(MONTH));
  dir = mkdtempSync(join(tmpdir(), 'cw-report-budgets-'));
});

afterAll(async () => {
  await Promise.all([ce?.stop(), budgets?.stop()]);
});

describe('monthly-report budgets', () => {
  let result: MonthlyReportResult;
  const history = () => budgets.requests.filter((r) => r.operation === 'DescribeBudgetPerformanceHistory');

  beforeAll(async () => {
    const account = aws.account.accountId;
    budgets.setBudgets([
      { account, budget: monthly('total', 1000), history: { '2026-02': 990, [MONTH]: 400, '2026-04': 3000 } },
      {
        account,
        budget: monthly('data', 500, '2025-01-01', { CostFilters: { TagKeyValue: ['user:team$data'] } }),
        history: { [MONTH]: 300 },
      },
      { account, budget: monthly('starts-next-month', 100, '2026-04-01'), history: { '2026-04': 50 } },
    ]);
    result = await report({});
  }, 120_000);

  it("gives a budget without filters its own actual for the month, not the account's total", () => {
    expect(result.total).toBeGreaterThan(1000);
    expect(result.budget).toEqual({ name: 'total', limit: 1000, actual: 400, actualPct: 40 });
  });

  it("reads a filtered budget's actual for a closed month from its performance history", () => {
    expect(result.budgets.find((b) => b.name === 'data')).toMatchObject({ accountWide: false, limit: 500, actual: 300, actualPct: 60 });
  });

  it('leaves out a budget that starts the month after, and does not ask AWS about it', () => {
    expect(result.budgets.map((b) => b.name)).toEqual(['total', 'data']);
    expect(
      history()
        .map((r) => r.body.BudgetName)
        .sort(),
    ).toEqual(['data', 'total']);
    expect(history()[0]?.body.TimePeriod).toEqual({ Start: Date.UTC(2026, 2, 1) / 1000, End: Date.UTC(2026, 3, 1) / 1000 });
  });
});

describe('monthly-report budgets in an organization', () => {
  let org: SeededOrganization;
  let result: MonthlyReportResult;

  beforeAll(async () => {
    org = await seedOrganization({ clientConfig: aws.clientConfig, members: ['Data', 'Web'] });
    const [data, web] = org.members as [OrgMember, OrgMember];
    budgets.setBudgets([
      { account: aws.account.accountId, budget: monthly('organization', 20_000), history: { [MONTH]: 15_000 } },
      { account: data.id, budget: monthly('data-monthly', 1000), history: { [MONTH]: 950 } },
      { account: web.id, budget: monthly('web-monthly', 500), history: { [MONTH]: 100 } },
    ]);
    result = await report({ organization: { accounts: 'all' } });
  }, 120_000);

  it("reads each account's budgets in that account, each with its own actual", () => {
    const [data, web] = org.members as [OrgMember, OrgMember];
    expect(result.budgets).toEqual([
      {
        name: 'organization',
        account: aws.account.accountId,
        accountName: expect.any(String),
        accountWide: true,
        limit: 20000,
        actual: 15000,
        actualPct: 75,
      },
      { name: 'data-monthly', account: data.id, accountName: data.name, accountWide: true, limit: 1000, actual: 950, actualPct: 95 },
      { name: 'web-monthly', account: web.id, accountName: web.name, accountWide: true, limit: 500, actual: 100, actualPct: 20 },
    ]);
    expect(result.budget).toMatchObject({ name: 'organization', actualPct: 75 });
  });
});
