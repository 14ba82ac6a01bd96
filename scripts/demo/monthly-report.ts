/**
 * Monthly-report demo: a month of Cost Explorer data (for the in-process
 * double), budgets (in the Budgets double), a bucket and idle findings in moto, and a helper that
 * copies the written report to ./out/<month>/. Run alone
 * (`tsx scripts/demo/monthly-report.ts [--screenshot docs/report-screenshot.png]`)
 * it does the whole round trip in-process, without the rest of the demo.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { CostExplorerDouble } from '../../emulators/cost-explorer.js';
import type { MonthlyReportResult } from '../../shared/jobs/monthly-report/job.js';
import { addMonths, monthOf, type IsoMonth } from '../../shared/time/dates.js';
import { monthlyReportDataset } from './monthly-dataset.js';
import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { monthlyReviewOptions, REVIEW_CONFIG, seedLeadMetric } from './monthly-review.js';
import { describeLevers, leversDataset, seedLeverResources } from './monthly-levers.js';

export { monthlyReportDataset } from './monthly-dataset.js';
export { describeLevers } from './monthly-levers.js';

export const DEMO_REPORT_BUCKET = 'cost-watch-reports-demo';
const root = resolve(import.meta.dirname, '../..');

/**
 * For the shared demo: the previous month (the job's default) and the one before, with commitments and
 * rightsizing (of `accountId`, the demo's moto account, when given), in the double.
 */
export function loadMonthlyReportCosts(ce: CostExplorerDouble, now = new Date(), accountId?: string): IsoMonth {
  const month = addMonths(monthOf(now.toISOString().slice(0, 10)), -1);
  ce.setDataset([...monthlyReportDataset(month), ...leversDataset(month, accountId)], monthlyReviewOptions(month, accountId));
  return month;
}

export { REVIEW_CONFIG } from './monthly-review.js';

function clientConfig(env: Record<string, string>) {
  const { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!endpoint || !accessKeyId || !secretAccessKey)
    throw new Error('seedMonthlyReport: env needs AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  return { endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey } };
}

/** Idle-resources findings dated late in the month, as the weekly job leaves them in the bucket. */
function findings(month: IsoMonth) {
  return {
    job: 'idle-resources',
    regions: ['us-east-1', 'eu-west-1'],
    noData: 1,
    regionErrors: [],
    idleInstances: [
      { id: 'i-0a1b2c3d4e5f60718', region: 'us-east-1', instanceType: 'm5.xlarge', avgCpuPct: 1.4, estimatedMonthlyCost: 140.16 },
      { id: 'i-0f9e8d7c6b5a40312', region: 'eu-west-1', instanceType: 't3.large', avgCpuPct: 0.6, estimatedMonthlyCost: 66.58 },
    ],
    unattachedVolumes: [
      { id: 'vol-0123456789abcdef0', region: 'us-east-1', sizeGiB: 500, volumeType: 'gp2', estimatedMonthlyCost: 50 },
      { id: 'vol-0fedcba9876543210', region: 'eu-west-1', sizeGiB: 200, volumeType: 'gp3', estimatedMonthlyCost: 17.6 },
    ],
    estimatedMonthlySavings: 274.34,
    deliveries: [],
    findingsDate: `${month}-26`,
  };
}

/**
 * Seeds moto for the report: the bucket, the month's idle findings and the levers' resources (budgets come from the
 * Budgets double; daily-spend seeds the leads).
 */
export async function seedMonthlyReport(env: Record<string, string>, options: { bucket?: string; now?: Date } = {}): Promise<void> {
  const config = clientConfig(env);
  const now = options.now ?? new Date();
  const bucket = options.bucket ?? DEMO_REPORT_BUCKET;
  const month = addMonths(monthOf(now.toISOString().slice(0, 10)), -1);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const body = JSON.stringify(findings(month));
  await s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: `findings/idle-resources/${month}-26.json`, Body: body, ContentType: 'application/json' }),
  );
  await seedLeverResources(config, now);
}

/**
 * Copies the month's report objects from the bucket to ./out/<month>/ and
 * returns the HTML's path. `month` defaults to the job's default, the previous month.
 */
export async function saveMonthlyReport(
  env: Record<string, string>,
  options: { month?: IsoMonth; bucket?: string; prefix?: string; outDir?: string; now?: Date } = {},
): Promise<string> {
  const s3 = new S3Client({ ...clientConfig(env), forcePathStyle: true });
  const month = options.month ?? addMonths(monthOf((options.now ?? new Date()).toISOString().slice(0, 10)), -1);
  const dir = join(options.outDir ?? join(root, 'out'), month);
  mkdirSync(dir, { recursive: true });
  for (const name of ['cost-report.html', 'cost-report.csv', 'cost-report.json', 'cost-report.xlsx']) {
    const got = await s3.send(
      new GetObjectCommand({ Bucket: options.bucket ?? DEMO_REPORT_BUCKET, Key: `${options.prefix ?? 'reports/'}${month}/${name}` }),
    );
    writeFileSync(join(dir, name), (await got.Body?.transformToByteArray()) ?? new Uint8Array());
  }
  return join(dir, 'cost-report.html');
}

export function describeMonthlyReport(result: unknown): string {
  const r = result as MonthlyReportResult;
  const ops = Object.entries(r.costExplorerOperations)
    .map(([op, n]) => `${op} ×${n}`)
    .join(', ');
  return (
    `Report files: ${r.objects.map((o) => `s3://${o.bucket}/${o.key}`).join(', ')} (HTML ${(r.htmlBytes / 1024).toFixed(1)} KiB, ` +
    `xlsx ${(r.xlsxBytes / 1024).toFixed(1)} KiB; ${r.costExplorerRequests} Cost Explorer requests: ${ops})`
  );
}

/**
 * The round trip without the rest of the demo: emulators, seed, the job
 * in-process, the files in ./out/<month>/, the email, and with
 * `--screenshot FILE` a PNG of the report at 1000 px (for the README).
 */
async function standalone(argv: string[]): Promise<void> {
  const { startMoto, awsEnvForAccount, createMotoAccount } = await import('../../emulators/moto.js');
  const { startCostExplorerDouble } = await import('../../emulators/cost-explorer.js');
  const { createTopicWithInbox } = await import('../../emulators/fixtures.js');
  const { SNSClient } = await import('@aws-sdk/client-sns');
  const { SQSClient } = await import('@aws-sdk/client-sqs');
  const { createContext } = await import('../../shared/jobs/common/context.js');
  const { parseConfig } = await import('../../shared/config/load.js');
  const { monthlyReportJob } = await import('../../shared/jobs/monthly-report/job.js');
  const { stderrLogger } = await import('../../shared/log.js');
  const { startBudgetsDouble } = await import('../../emulators/budgets.js');
  const { seedBudgets } = await import('./budgets.js');
  const [moto, ce, budgets] = await Promise.all([startMoto(), startCostExplorerDouble(), startBudgetsDouble()]);
  try {
    const account = await createMotoAccount(moto.url);
    const env = awsEnvForAccount(moto.url, account, { AWS_ENDPOINT_URL_COST_EXPLORER: ce.url, AWS_ENDPOINT_URL_BUDGETS: budgets.url });
    Object.assign(process.env, env);
    const config = clientConfig(env);
    const reports = await createTopicWithInbox(new SNSClient(config), new SQSClient(config), 'cost-watch-reports');
    const month = loadMonthlyReportCosts(ce, new Date(), account.accountId);
    await seedMonthlyReport(env);
    await seedBudgets(budgets, env);
    await seedLeadMetric(config, month);
    const ctx = createContext({
      config: parseConfig({
        ...REVIEW_CONFIG,
        report: { bucket: DEMO_REPORT_BUCKET, groupByTags: ['team', 'environment'], ...REVIEW_CONFIG.report },
        notify: { reportTopicArn: reports.topicArn },
      }),
      log: stderrLogger(),
      aws: new AwsClients(process.env, ALL_CLIENTS),
    });
    const result = await monthlyReportJob.run(ctx, { month });
    const path = await saveMonthlyReport(env, { month });
    process.stdout.write(
      `${monthlyReportJob.summarize(result)}\n${describeMonthlyReport(result)}\n${describeLevers(result)}\nReport written to ${path}\n`,
    );
    for (const m of await reports.receive()) process.stdout.write(`\n── email: ${m.subject}\n${m.message}\n`);
    const shot = argv.indexOf('--screenshot');
    if (shot >= 0 && argv[shot + 1]) {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.goto(pathToFileURL(path).href);
      await page.screenshot({ path: argv[shot + 1]!, fullPage: true });
      await browser.close();
      process.stdout.write(`Screenshot: ${argv[shot + 1]}\n`);
    }
  } finally {
    await Promise.all([moto.stop(), ce.stop(), budgets.stop()]);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  standalone(process.argv.slice(2)).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
