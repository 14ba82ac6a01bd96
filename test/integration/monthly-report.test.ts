import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BudgetsDouble } from '../../emulators/budgets.js';
import type { CostExplorerDouble, CostRecord } from '../../emulators/cost-explorer.js';
import type { TopicWithInbox } from '../../emulators/fixtures.js';
import { monthlyReportDataset } from '../../scripts/demo/monthly-report.js';
import { addMonths } from '../../shared/time/dates.js';
import { runCli } from '../support/cli.js';
import type { TestAws } from '../support/env.js';
import { startWorld, type World } from '../support/world.js';

const MONTH = '2026-03';
const EMPTY_MONTH = '2025-07';
const ODD_MONTH = '2025-10';
const ODD = 'R&D <beta> "quoted", svc';

let world: World;
let aws: TestAws;
let ce: CostExplorerDouble;
let budgets: BudgetsDouble;
let s3: S3Client;
let topic: TopicWithInbox;
let dir: string;
let run = 0;

const dataset: CostRecord[] = [
  ...monthlyReportDataset(MONTH),
  { date: '2025-06-10', service: 'Amazon Simple Storage Service', amount: 12 },
  { date: '2025-09-03', service: ODD, amount: 5 },
  { date: '2025-10-03', service: ODD, amount: 7.5 },
  { date: '2025-10-04', service: 'AWS Lambda', amount: 1 },
  { date: '2025-12-05', service: 'AWS Lambda', amount: 3 },
];

/** A fresh ledger per config, so one test's email never makes another's a duplicate. */
async function config(
  report: Record<string, unknown>,
  notify: Record<string, unknown> = { reportTopicArn: topic.topicArn },
): Promise<string> {
  const file = join(dir, `config-${++run}.json`);
  const table = `ledger-report-${run}`;
  await world.newLedger(table);
  writeFileSync(file, JSON.stringify({ report, notify, ledgerTable: table }));
  return file;
}

async function report(file: string, args: string[]) {
  const result = await runCli(['run', 'monthly-report', '--config', file, '--json', ...args], { env: world.env, timeoutMs: 60_000 });
  return { ...result, json: result.code <= 3 && result.stdout ? JSON.parse(result.stdout) : undefined };
}

async function read(bucket: string, key: string): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await out.Body?.transformToString('utf-8')) ?? '';
}

/** Tests that run the CLI several times: each run starts Node, tsx and the SDK. */
const SEVERAL_RUNS = 120_000;

const costRequests = () => ce.requests.filter((r) => r.operation === 'GetCostAndUsage');

beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-report-', costExplorer: true, budgets: true, topic: 'cost-watch-reports', buckets: ['reports'] });
  ({ aws, ce, budgets, s3, topic, dir } = world);
  const findings = (savings: number) =>
    JSON.stringify({
      idleInstances: [],
      unattachedVolumes: [{ id: 'vol-1', region: 'us-east-1', sizeGiB: 100, volumeType: 'gp2', estimatedMonthlyCost: savings }],
      estimatedMonthlySavings: savings,
    });
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'findings/idle-resources/2026-03-23.json', Body: findings(10) }));
  await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'findings/idle-resources/2026-04-06.json', Body: findings(99) }));
  budgets.setBudgets([
    {
      account: aws.account.accountId,
      budget: {
        BudgetName: 'total',
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        BudgetLimit: { Amount: '30000', Unit: 'USD' },
        TimePeriod: { Start: new Date('2025-01-01T00:00:00Z'), End: new Date('2087-06-15T00:00:00Z') },
      },
      history: { [MONTH]: 12_000 },
    },
  ]);
});

afterAll(() => world?.stop());

beforeEach(async () => {
  ce.setDataset(dataset);
  ce.resetRequests();
  await topic.receive();
});

describe('monthly-report job', () => {
  it('writes the HTML, CSV, JSON and xlsx encrypted under the month and emails finance a 7-day link', async () => {
    const file = await config({ bucket: 'reports', prefix: 'reports/' });

    const { code, json } = await report(file, ['--month', MONTH]);

    expect(code).toBe(0);
    expect(json).toMatchObject({
      job: 'monthly-report',
      month: MONTH,
      currency: 'USD',
      budget: { name: 'total', limit: 30000, actual: 12000, actualPct: 40 },
      waste: { asOf: '2026-03-23' },
    });
    expect(json.total).toBeCloseTo(
      json.byService.reduce((s: number, l: { amount: number }) => s + l.amount, 0),
      1,
    );
    expect(json.objects.map((o: { key: string; contentType: string }) => [o.key, o.contentType])).toEqual([
      ['reports/2026-03/cost-report.html', 'text/html; charset=utf-8'],
      ['reports/2026-03/cost-report.csv', 'text/csv; charset=utf-8'],
      ['reports/2026-03/cost-report.json', 'application/json'],
      ['reports/2026-03/cost-report.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    for (const o of json.objects)
      expect((await s3.send(new HeadObjectCommand({ Bucket: o.bucket, Key: o.key }))).ServerSideEncryption).toBe('AES256');
    expect(JSON.parse(await read('reports', 'reports/2026-03/cost-report.json'))).toMatchObject({ month: MONTH, total: json.total });
    const [mail, ...more] = await topic.receive();
    expect(more).toEqual([]);
    expect(mail?.subject).toContain('March 2026');
    expect(mail?.attributes).toEqual({ job: 'monthly-report', severity: 'info' });
    const link = /^https?:\/\/\S+cost-report\.html\?\S+$/m.exec(mail?.message ?? '')?.[0] ?? '';
    expect(link).toContain('X-Amz-Expires=604800');
    expect(await (await fetch(link)).text()).toContain('AWS cost report: March 2026');
  });

  it(
    'replaces the same four objects and sends no second email when the month is run again',
    async () => {
      const file = await config({ bucket: 'reports', prefix: 'again/' });
      await report(file, ['--month', MONTH]);
      await topic.receive();

      const second = await report(file, ['--month', MONTH]);

      expect(second.code).toBe(0);
      expect(second.json.deliveries).toEqual([
        { channel: 'sns', alertId: `monthly-report|report|${MONTH}|info`, destination: topic.topicArn, status: 'duplicate' },
      ]);
      expect(await topic.receive()).toEqual([]);
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'reports', Prefix: 'again/' }));
      expect(listed.Contents?.map((o) => o.Key).sort()).toEqual([
        'again/2026-03/cost-report.csv',
        'again/2026-03/cost-report.html',
        'again/2026-03/cost-report.json',
        'again/2026-03/cost-report.xlsx',
      ]);
    },
    SEVERAL_RUNS,
  );

  it(
    'asks Cost Explorer at most 5 times without tags (2 for the savings levers), and once more per tag key',
    async () => {
      await report(await config({ bucket: 'reports', prefix: 'count/' }), ['--month', MONTH]);
      const untagged = costRequests().length;
      ce.resetRequests();

      const { json } = await report(await config({ bucket: 'reports', prefix: 'tags/', groupByTags: ['team', 'environment'] }), [
        '--month',
        MONTH,
      ]);

      expect(untagged).toBeLessThanOrEqual(5);
      expect(costRequests()).toHaveLength(untagged + 2);
      expect(json.byTag.map((t: { key: string }) => t.key)).toEqual(['team', 'environment']);
      expect(json.byTag[0].values.map((v: { key: string }) => v.key)).toContain('(untagged)');
    },
    SEVERAL_RUNS,
  );

  it('writes a valid report that says so for a month with no spend', async () => {
    const file = await config({ bucket: 'reports', prefix: 'empty/' });

    const { code, json } = await report(file, ['--month', EMPTY_MONTH]);

    expect(code).toBe(0);
    expect(json).toMatchObject({ total: 0, previousTotal: 12, empty: true });
    expect(await read('reports', `empty/${EMPTY_MONTH}/cost-report.html`)).toContain('No spend was recorded for July 2025.');
    expect((await topic.receive())[0]?.subject).toBe('AWS cost report July 2025: no spend');
  });

  it('escapes service names with <, &, quotes and commas in HTML and quotes them in CSV', async () => {
    const file = await config({ bucket: 'reports', prefix: 'odd/' });

    const { code } = await report(file, ['--month', ODD_MONTH]);

    expect(code).toBe(0);
    const html = await read('reports', `odd/${ODD_MONTH}/cost-report.html`);
    expect(html).toContain('R&amp;D &lt;beta&gt; &quot;quoted&quot;, svc');
    expect(html).not.toContain(ODD);
    expect(await read('reports', `odd/${ODD_MONTH}/cost-report.csv`)).toContain(
      `${ODD_MONTH},"R&D <beta> ""quoted"", svc",7.50,5.00,2.50,50,USD\r\n`,
    );
  });

  it(
    'sends no email and exits 1 when S3 refuses the write, and the re-run writes and sends once',
    async () => {
      const bucket = `late-${Date.now()}`;
      const file = await config({ bucket, prefix: 'r/' });

      const failed = await report(file, ['--month', '2025-12']);
      const mailsAfterFailure = await topic.receive();
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      const retried = await report(file, ['--month', '2025-12']);
      const third = await report(file, ['--month', '2025-12']);

      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/PutObject.*late-/);
      expect(mailsAfterFailure).toEqual([]);
      expect(retried.code).toBe(0);
      expect(third.json.deliveries[0].status).toBe('duplicate');
      expect((await topic.receive()).map((m) => m.subject)).toEqual(['AWS cost report December 2025: $3.00 (new spend vs November)']);
    },
    SEVERAL_RUNS,
  );

  it('exits 2 naming report.bucket when config has none, and writes nothing', async () => {
    const file = await config({});

    const { code, stderr } = await report(file, ['--month', MONTH]);

    expect(code).toBe(2);
    expect(stderr).toContain('report.bucket');
    expect(costRequests()).toEqual([]);
    expect(await topic.receive()).toEqual([]);
  });

  it('computes everything and writes and sends nothing in a dry run, bucket or not', async () => {
    const file = await config({});

    const { code, json } = await report(file, ['--month', MONTH, '--dry-run']);

    expect(code).toBe(0);
    expect(json.objects).toEqual([]);
    expect(json.deliveries).toEqual([
      { channel: 'sns', alertId: `monthly-report|report|${MONTH}|info`, destination: topic.topicArn, status: 'dry-run' },
    ]);
    expect(json.total).toBeGreaterThan(0);
    expect(await topic.receive()).toEqual([]);
  });
});

describe('monthly-report --month', () => {
  const thisMonth = new Date().toISOString().slice(0, 7);

  it.each([
    ['2026-13', /--month: expected a calendar month as YYYY-MM/],
    [addMonths(thisMonth, 1), /--month: expected a month no later than the current one/],
    [thisMonth, /--month: .* is not finished yet: add --allow-partial/],
  ])('rejects %s with exit 2 and the reason', async (month, reason) => {
    const file = await config({ bucket: 'reports' });

    const { code, stderr } = await report(file, ['--month', month]);

    expect(code).toBe(2);
    expect(stderr).toMatch(reason);
    expect(costRequests()).toEqual([]);
  });

  it('reports the running month with --allow-partial, through today', async () => {
    const file = await config({ bucket: 'reports', prefix: 'partial/' });

    const { code, json } = await report(file, ['--month', thisMonth, '--allow-partial']);

    expect(code).toBe(0);
    expect(json).toMatchObject({ month: thisMonth, partial: true, through: new Date().toISOString().slice(0, 10) });
    expect(json.deliveries[0].alertId).toBe(`monthly-report|report|${thisMonth}~${json.through}|info`);
  });
});
