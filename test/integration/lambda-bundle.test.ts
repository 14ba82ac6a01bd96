import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { SESClient, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable, createTopicWithInbox, type TopicWithInbox } from '../../emulators/fixtures.js';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { sentRawEmails } from '../../emulators/ses-outbox.js';
import { ESBUILD_OPTIONS, PROJECT_ROOT } from '../../infra/constructs/bundling.js';
import { startMoto } from '../../emulators/moto.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const DAY = '2026-11-20';
const JOBS = ['daily-spend', 'idle-resources', 'budgets', 'monthly-report'];
// Outside the repo, so the bundle cannot lean on node_modules: it must carry everything, as on Lambda.
const outDir = mkdtempSync(join(tmpdir(), 'cw-bundle-'));
let aws: TestAws;
let ce: CostExplorerDouble;
let slack: FakeSlack;
let topic: TopicWithInbox;

beforeAll(async () => {
  await Promise.all(
    JOBS.map((job) =>
      build({
        ...ESBUILD_OPTIONS,
        entryPoints: [join(PROJECT_ROOT, 'lambdas', job, 'handler.ts')],
        outfile: join(outDir, job, 'index.mjs'),
        logLevel: 'error',
      }),
    ),
  );
  aws = await awsEnvFor();
  ce = await startCostExplorerDouble();
  slack = await startFakeSlack();
  ce.setDataset(dailySpendScenario({ spikeDay: DAY }));
  await createLedgerTable(new DynamoDBClient(aws.clientConfig), 'bundle-ledger');
  topic = await createTopicWithInbox(new SNSClient(aws.clientConfig), new SQSClient(aws.clientConfig), 'bundle-alerts');
}, 120_000);

afterAll(async () => {
  await Promise.all([ce?.stop(), slack?.stop()]);
});

/** Imports the bundle in a fresh Node process with only Lambda-like environment variables, and invokes it. */
function invoke(job: string, event: unknown, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const runner = join(outDir, `invoke-${job}.mjs`);
  const resultFile = join(outDir, `result-${job}.json`);
  // The handler logs JSON lines to stdout, as on Lambda; the result goes to a file.
  writeFileSync(
    runner,
    `import { writeFileSync } from 'node:fs';\nconst { handler } = await import(${JSON.stringify(join(outDir, job, 'index.mjs'))});\nconst out = await handler(${JSON.stringify(event)});\nwriteFileSync(${JSON.stringify(resultFile)}, JSON.stringify(out));\n`,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner], { cwd: outDir, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, stdout: code === 0 ? readFileSync(resultFile, 'utf8') : stdout, stderr }));
  });
}

describe('Lambda bundles', () => {
  it('carry no credential source but the environment (the default chain is aliased away)', () => {
    for (const job of JOBS) {
      const code = readFileSync(join(outDir, job, 'index.mjs'), 'utf8');
      expect(code, job).not.toMatch(/AWS_WEB_IDENTITY_TOKEN_FILE|sso_start_url|AWS_CONTAINER_CREDENTIALS_FULL_URI/);
      expect(code, job).toMatch(/AWS_SECRET_ACCESS_KEY/);
    }
  });

  it('run daily-spend from the bundle alone with Lambda-style environment credentials', async () => {
    const { code, stdout, stderr } = await invoke(
      'daily-spend',
      { date: DAY },
      {
        ...aws.env,
        AWS_ENDPOINT_URL_COST_EXPLORER: ce.url,
        SLACK_API_URL: slack.url,
        SLACK_BOT_TOKEN: 'xoxb-bundle',
        COST_WATCH_CONFIG: JSON.stringify({
          dailySpend: { baseline: 'previous-day' },
          notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: topic.topicArn },
          ledgerTable: 'bundle-ledger',
        }),
      },
    );

    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.spikes.some((s: { key: string; severity: string }) => s.severity === 'critical')).toBe(true);
    expect(result.deliveries.every((d: { status: string }) => d.status === 'sent')).toBe(true);
    expect(slack.messages).toHaveLength(1);
    expect(await topic.receive()).toHaveLength(1);
  });

  it('run monthly-report from the bundle and send the SES finance email with the xlsx, and no link, on Lambda credentials', async () => {
    const from = `bundle-${process.pid}@example.com`;
    const bucket = `bundle-reports-${process.pid}`;
    // Its own moto: the SES outbox is read from moto's model dump, which answers 500 once any model in the
    // shared server cannot be dumped (an RDS instance, for one), whatever another test file made.
    const moto = await startMoto();
    onTestFinished(() => moto.stop());
    const own = await awsEnvFor(moto.url);
    await createLedgerTable(new DynamoDBClient(own.clientConfig), 'bundle-ledger');
    await new SESClient(own.clientConfig).send(new VerifyEmailIdentityCommand({ EmailAddress: from }));
    await new S3Client({ ...own.clientConfig, forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: bucket }));

    const { code, stdout, stderr } = await invoke(
      'monthly-report',
      { month: '2026-10' },
      {
        ...own.env,
        // Lambda hands its role's temporary credentials in the environment, with no expiry.
        AWS_SESSION_TOKEN: 'lambda-session-token',
        AWS_ENDPOINT_URL_COST_EXPLORER: ce.url,
        COST_WATCH_CONFIG: JSON.stringify({
          report: { bucket, email: { from, to: ['finance@example.com'] } },
          ledgerTable: 'bundle-ledger',
        }),
      },
    );

    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.deliveries).toEqual([
      { channel: 'ses', alertId: 'monthly-report|report|2026-10|info', status: 'sent', destination: 'finance@example.com' },
    ]);
    expect(result.email.attachments).toEqual(['cost-report.html', 'cost-report.csv', 'cost-report.xlsx']);
    expect(result.linkExpiresAt).toBeNull();
    const sent = await sentRawEmails(moto.url, from);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.raw).toContain('filename=cost-report.xlsx');
  });
});
