import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAthenaDouble } from '../../emulators/athena.js';
import { generateCur2Dataset } from '../../emulators/cur2/index.js';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { sentRawEmails } from '../../emulators/ses-outbox.js';
import { ESBUILD_OPTIONS, PROJECT_ROOT } from '../../infra/constructs/bundling.js';
import { startWorld, type World } from '../support/world.js';

const DAY = '2026-11-20';
const JOBS = ['daily-spend', 'idle-resources', 'budgets', 'monthly-report'];
const FROM = `bundle-${process.pid}@example.com`;
const BUCKET = `bundle-reports-${process.pid}`;
let world: World;
// Outside the repo, so the bundle cannot lean on node_modules: it must carry everything, as on Lambda.
let outDir: string;

beforeAll(async () => {
  // Its own moto, to read the SES outbox from moto's model dump.
  world = await startWorld({
    tmp: 'cw-bundle-',
    ownMoto: true,
    costExplorer: true,
    slack: true,
    topic: 'bundle-alerts',
    ledgers: ['bundle-ledger'],
    buckets: [BUCKET],
    senders: [FROM],
  });
  outDir = world.dir;
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
  world.ce.setDataset(dailySpendScenario({ spikeDay: DAY }));
}, 120_000);

afterAll(() => world?.stop());

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

  it('leave DuckDB out of every bundle: its native module stays in node_modules, for local runs only', () => {
    for (const job of JOBS) {
      const code = readFileSync(join(outDir, job, 'index.mjs'), 'utf8');
      // Markers of @duckdb/node-bindings' loader: present only if esbuild had inlined DuckDB.
      expect(code, job).not.toMatch(/getNativeNodeBinding|duckdb\.node|node-bindings-linux/);
    }
  });

  it('run daily-spend from the bundle alone with Lambda-style environment credentials', async () => {
    const { code, stdout, stderr } = await invoke(
      'daily-spend',
      { date: DAY },
      {
        ...world.env,
        SLACK_BOT_TOKEN: 'xoxb-bundle',
        COST_WATCH_CONFIG: JSON.stringify({
          dailySpend: { baseline: 'previous-day' },
          notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: world.topic.topicArn },
          ledgerTable: 'bundle-ledger',
        }),
      },
    );

    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.spikes.some((s: { key: string; severity: string }) => s.severity === 'critical')).toBe(true);
    expect(result.deliveries.every((d: { status: string }) => d.status === 'sent')).toBe(true);
    expect(world.slack.messages).toHaveLength(1);
    expect(await world.topic.receive()).toHaveLength(1);
  });

  it('run monthly-report from the bundle and send the SES finance email with the xlsx, and no link, on Lambda credentials', async () => {
    const { code, stdout, stderr } = await invoke(
      'monthly-report',
      { month: '2026-10' },
      {
        ...world.aws.env,
        // Lambda hands its role's temporary credentials in the environment, with no expiry.
        AWS_SESSION_TOKEN: 'lambda-session-token',
        AWS_ENDPOINT_URL_COST_EXPLORER: world.ce.url,
        COST_WATCH_CONFIG: JSON.stringify({
          report: { bucket: BUCKET, email: { from: FROM, to: ['finance@example.com'] } },
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
    const sent = await sentRawEmails(world.motoUrl, FROM);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.raw).toContain('filename=cost-report.xlsx');
  });

  it('run monthly-report from the bundle with containers on Athena, as deployed: Kubernetes cost without DuckDB', async () => {
    const cur = await generateCur2Dataset({ root: join(outDir, 'cur'), months: ['2026-10', '2026-11'] });
    const athena = await startAthenaDouble();
    try {
      athena.setWorkgroup('cost-watch', 10 * 1024 ** 3);
      athena.setTable({ database: 'cost_watch', table: 'cur2', dir: cur.exportDir });
      const { code, stdout, stderr } = await invoke(
        'monthly-report',
        { month: '2026-11' },
        {
          ...world.aws.env,
          AWS_ENDPOINT_URL_COST_EXPLORER: world.ce.url,
          AWS_ENDPOINT_URL_ATHENA: athena.url,
          COST_WATCH_CONFIG: JSON.stringify({
            report: { bucket: BUCKET },
            ledgerTable: 'bundle-ledger',
            containers: { export: { bucket: 'acme-cur', prefix: 'cur2/', name: 'cost-watch-cur2' }, engine: 'athena' },
          }),
        },
      );

      expect(code, stderr).toBe(0);
      const { containers } = JSON.parse(stdout);
      expect(containers.clusters.map((c: { cluster: string }) => c.cluster).sort()).toEqual(
        [...cur.truth.get('2026-11')!.clusterBill.keys()].sort(),
      );
      expect(containers.namespaces.length).toBeGreaterThan(0);
      expect(athena.requests.find((r) => r.operation === 'StartQueryExecution')?.body.WorkGroup).toBe('cost-watch');
    } finally {
      await athena.stop();
    }
  });
});
