import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCostExplorerDouble, type CostExplorerDouble, type CostRecord, type DatasetOptions } from '../../emulators/cost-explorer.js';
import { putDailyUnits } from '../../emulators/unit-metric.js';
import { monthlyReportDataset } from '../../scripts/demo/monthly-report.js';
import { dayRange } from '../../shared/time/dates.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

/* The FinOps review of monthly-report through the CLI: categories, allocation, commitments, rightsizing, xlsx. */

const MONTH = '2026-03';
const UNTAGGED_MONTH = '2025-10';
const ODD = '=R&D <x> "q"';
const SEVERAL_RUNS = 120_000;

const records: CostRecord[] = [
  ...monthlyReportDataset(MONTH).map((r) => ({
    ...r,
    costCategories: { Component: r.service.includes('Compute') ? 'Servers' : 'Everything else' },
  })),
  { date: '2026-03-10', service: 'Amazon SageMaker', amount: 500, tags: { environment: ODD } },
  { date: '2025-10-03', service: 'AWS Lambda', amount: 40 },
];
const REVIEW: DatasetOptions = {
  savingsPlans: [{ month: MONTH, totalCommitment: 1000, usedCommitment: 981, coveredSpend: 981, onDemandCost: 589 }],
  rightsizing: [
    { instanceId: 'i-small', instanceType: 't3.large', monthlyCost: 60.74, action: 'terminate' },
    {
      instanceId: 'i-big',
      instanceType: 'm5.2xlarge',
      monthlyCost: 280.32,
      action: 'modify',
      targets: [{ instanceType: 'm5.xlarge', estimatedMonthlySavings: 140.16, default: true }],
    },
  ],
};
const TARGETS = { environment: { production: 70, staging: 10, [ODD]: 10, development: 5, 'R&D': 5 } };

let aws: TestAws;
let ce: CostExplorerDouble;
let s3: S3Client;
let dir: string;
let n = 0;

async function report(reportConfig: Record<string, unknown>, args: string[], extra: Record<string, unknown> = {}) {
  const file = join(dir, `config-${++n}.json`);
  writeFileSync(file, JSON.stringify({ report: { bucket: 'review', prefix: `r${n}/`, ...reportConfig }, ...extra }));
  const result = await runCli(['run', 'monthly-report', '--config', file, '--json', ...args], {
    env: { ...aws.env, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url },
    timeoutMs: 60_000,
  });
  return { ...result, prefix: `r${n}/`, json: result.code <= 3 && result.stdout ? JSON.parse(result.stdout) : undefined };
}

async function object(key: string): Promise<Uint8Array> {
  const out = await s3.send(new GetObjectCommand({ Bucket: 'review', Key: key }));
  return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
}
const text = async (key: string) => Buffer.from(await object(key)).toString('utf8');

beforeAll(async () => {
  aws = await awsEnvFor();
  ce = await startCostExplorerDouble();
  s3 = new S3Client({ ...aws.clientConfig, forcePathStyle: true });
  dir = mkdtempSync(join(tmpdir(), 'cw-review-'));
  await s3.send(new CreateBucketCommand({ Bucket: 'review' }));
});
afterAll(async () => {
  await ce?.stop();
});
beforeEach(() => {
  ce.setDataset(records, REVIEW);
  ce.resetRequests();
});

describe('monthly-report FinOps review', () => {
  it('reports categories against budgets, allocation against targets, commitments and rightsizing, and counts every request', async () => {
    const { code, json } = await report({ categoryBudgets: { Compute: 15_000, Storage: 1_000 }, allocationTargets: TARGETS }, [
      '--month',
      MONTH,
    ]);

    expect(code).toBe(0);
    const compute = json.byCategory.find((c: { category: string }) => c.category === 'Compute');
    expect(compute).toMatchObject({ budget: 15_000, budgetPct: expect.any(Number) });
    expect(compute.budgetPct).toBeCloseTo((compute.amount / 15_000) * 100, 0);
    expect(json.byCategory.map((c: { category: string }) => c.category)).toEqual(
      expect.arrayContaining(['Compute', 'Database', 'AI/ML', 'Storage', 'Networking', 'Other']),
    );
    expect(json.allocation.map((a: { value: string }) => a.value)).toEqual([
      'production',
      'staging',
      ODD,
      'development',
      'R&D',
      '(untagged)',
    ]);
    const shares = json.allocation.reduce((s: number, a: { sharePct: number }) => s + a.sharePct, 0);
    expect(shares).toBeCloseTo(100, 0);
    expect(json.allocation[0]).toMatchObject({ tagKey: 'environment', targetPct: 70 });
    expect(json.allocation[0].deviationPts).toBeCloseTo(json.allocation[0].sharePct - 70, 1);
    expect(json.commitments).toEqual({
      savingsPlans: { coveragePct: 62.5, utilizationPct: 98.1 },
      reservations: { coveragePct: null, utilizationPct: null },
    });
    expect(
      json.rightsizing.map((r: { instanceId: string; action: string; targetType: string | null; estimatedMonthlySavings: number }) => [
        r.instanceId,
        r.action,
        r.targetType,
        r.estimatedMonthlySavings,
      ]),
    ).toEqual([
      ['i-big', 'modify', 'm5.xlarge', 140.16],
      ['i-small', 'terminate', null, 60.74],
    ]);
    expect(json.reviewGaps).toEqual([]);
    const html = await text(`r${n}/${MONTH}/cost-report.html`);
    expect(html).toContain('<h2>FinOps review</h2>');
    expect(html).toContain('=R&amp;D &lt;x&gt; &quot;q&quot;');
    expect(html).not.toContain(ODD);
    expect(json.costExplorerRequests).toBe(ce.requests.length);
    // The savings levers add a Spot and a data-transfer query and three purchase recommendations.
    expect(json.costExplorerOperations).toEqual({
      GetCostAndUsage: 5,
      GetSavingsPlansUtilization: 1,
      GetSavingsPlansCoverage: 1,
      GetReservationUtilization: 1,
      GetRightsizingRecommendation: 1,
      GetSavingsPlansPurchaseRecommendation: 1,
      GetReservationPurchaseRecommendation: 2,
    });
    expect(json.unitCost).toBeNull();
  });

  it(
    "adds the month's cost per unit against the month before, and its daily chart, from one GetMetricData call",
    async () => {
      const metric = { namespace: 'LeadRouter', metricName: 'LeadsDistributed', dimensions: { Env: 'prod' } };
      const days = [...dayRange('2026-02-01', '2026-03-31')];
      await putDailyUnits(
        new CloudWatchClient({ ...aws.clientConfig, disableRequestCompression: true }),
        metric,
        Object.fromEntries(days.map((d) => [d, d < '2026-03-01' ? 800 : 1000])),
      );

      const { code, json, prefix } = await report({}, ['--month', MONTH], {
        unitCost: { unit: 'lead', target: 0.05, metric: { ...metric, region: 'us-east-1' } },
      });

      expect(code).toBe(0);
      expect(json.unitCost).toMatchObject({ unit: 'lead', units: 31_000, target: 0.05 });
      expect(json.cloudWatchRequests).toBe(1);
      expect(json.unitCost.costPerUnit).toBeCloseTo(json.total / 31_000, 3);
      expect(json.unitCost.previousCostPerUnit).toBeCloseTo(json.previousTotal / (28 * 800), 3);
      const html = await text(`${prefix}${MONTH}/cost-report.html`);
      expect(html).toContain('Cost per lead, March 2026');
      expect(html).toContain('unit-cost-chart');
    },
    SEVERAL_RUNS,
  );

  it('writes cost-report.xlsx with the contract sheets and amounts as numbers', async () => {
    const { code, prefix, json } = await report({ allocationTargets: TARGETS }, ['--month', MONTH]);

    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await object(`${prefix}${MONTH}/cost-report.xlsx`)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).slice(0, 7)).toEqual([
      'Summary',
      'Services',
      'Daily',
      'Accounts',
      'Categories',
      'Tags',
      'Waste',
    ]);
    expect(wb.getWorksheet('Daily')!.rowCount).toBe(32);
    expect(wb.getWorksheet('Services')!.getRow(2).getCell(2).value).toBe(json.byService[0].amount);
    expect(wb.getWorksheet('Accounts')!.getRow(2).getCell(3).value).toBe(json.total);
    expect(wb.getWorksheet('Allocation')!.getColumn(2).values).toContain(`'${ODD}`);
  });

  it('uses an AWS Cost Category when report.costCategory names one', async () => {
    const { code, json } = await report({ costCategory: 'Component', categoryBudgets: { Servers: 20_000 } }, ['--month', MONTH]);

    expect(code).toBe(0);
    expect(json.byCategory.map((c: { category: string }) => c.category).sort()).toEqual(
      ['Everything else', 'Servers', '(uncategorized)'].sort(),
    );
    expect(json.byCategory.find((c: { category: string }) => c.category === 'Servers').budget).toBe(20_000);
    expect(ce.requests.some((r) => JSON.stringify(r.body.GroupBy) === JSON.stringify([{ Type: 'COST_CATEGORY', Key: 'Component' }]))).toBe(
      true,
    );
  });

  it('falls back to the default mapping and says so when the Cost Category cannot be read', async () => {
    ce.failNext('ValidationException', 1, 'Cost category Component does not exist', { operation: 'GetCostAndUsage', groupBy: 'Component' });

    const { code, json, prefix } = await report({ costCategory: 'Component' }, ['--month', MONTH]);

    expect(code).toBe(0);
    expect(json.byCategory.map((c: { category: string }) => c.category)).toContain('Compute');
    expect(json.reviewGaps).toEqual([
      { part: 'categories', operation: 'GetCostAndUsage', message: expect.stringContaining('Cost Category "Component" could not be read') },
    ]);
    expect(await text(`${prefix}${MONTH}/cost-report.html`)).toContain('Cost Category &quot;Component&quot; could not be read');
  });

  it(
    'writes the rest and exits 0 when rightsizing is not enabled and commitments are denied, and says so',
    async () => {
      ce.setDataset(records, { ...REVIEW, rightsizingEnabled: false });
      ce.failNext('AccessDeniedException', 1, undefined, 'GetSavingsPlansUtilization');
      ce.failNext('AccessDeniedException', 1, undefined, 'GetReservationUtilization');

      const { code, json, stderr } = await report({ allocationTargets: TARGETS }, ['--month', MONTH]);

      expect(code).toBe(0);
      expect(json.reviewGaps.map((g: { part: string }) => g.part).sort()).toEqual(['reservations', 'rightsizing', 'savingsPlans']);
      expect(json.reviewGaps.find((g: { part: string }) => g.part === 'rightsizing').message).toMatch(/^not enabled/);
      expect(json.reviewGaps.find((g: { part: string }) => g.part === 'savingsPlans').message).toContain('ce:GetSavingsPlansUtilization');
      expect(json.commitments.savingsPlans).toEqual({ coveragePct: null, utilizationPct: null });
      expect(json.costExplorerRequests).toBe(ce.requests.length);
      expect(json.allocation.length).toBeGreaterThan(0);
      expect(json.objects).toHaveLength(4);
      expect(stderr).toContain('rightsizing');
    },
    SEVERAL_RUNS,
  );

  it('counts a throttled and retried review request twice, as AWS bills it', async () => {
    ce.failNext('ThrottlingException', 1, undefined, 'GetRightsizingRecommendation');

    const { code, json } = await report({}, ['--month', MONTH]);

    expect(code).toBe(0);
    expect(json.rightsizing).toHaveLength(2);
    expect(json.costExplorerOperations.GetRightsizingRecommendation).toBe(2);
    expect(json.costExplorerRequests).toBe(ce.requests.length);
  });

  it('says the tag is not activated for a month where no spend carries it, instead of 100 % untagged', async () => {
    const { code, json } = await report({ allocationTargets: TARGETS }, ['--month', UNTAGGED_MONTH]);

    expect(code).toBe(0);
    expect(json.allocation).toEqual([]);
    expect(json.allocationNotes).toEqual([
      { tagKey: 'environment', kind: 'not-activated', message: expect.stringContaining('cost allocation tag') },
    ]);
  });

  it('exits 2 naming the tag key when its targets do not sum to 100, and asks Cost Explorer nothing', async () => {
    const { code, stderr } = await report({ allocationTargets: { environment: { production: 70, staging: 20 } } }, ['--month', MONTH]);

    expect(code).toBe(2);
    expect(stderr).toContain('report.allocationTargets.environment: expected the percents to sum to 100, got 90');
    expect(ce.requests).toEqual([]);
  });
});
