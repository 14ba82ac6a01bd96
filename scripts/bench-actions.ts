import { ALL_CLIENTS } from '../shared/aws/all-clients.js';
/**
 * `npm run bench:actions`: the Slack actions endpoint's cold start and warm
 * latency, and what mutes add to a job run's ledger reads. Against moto (DynamoDB),
 * the fake Slack and the CE double, all local:
 * - cold start: a fresh `node` loads the built Lambda bundle (the deployed
 *   esbuild settings) and answers one signed Acknowledge click (secret,
 *   GetItem, replay guard, UpdateItem, chat.update), 5 times;
 * - warm: 200 signed Acknowledge clicks on the same container, then 200
 *   unsigned requests (the flood path: refused before any I/O);
 * - mute reads: BatchGetItem calls the mute check adds to a dispatch of N alerts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { build } from 'esbuild';
import { hideSdkNodeVersionWarning } from '../cli/node-warnings.js';
import { startCostExplorerDouble } from '../emulators/cost-explorer.js';
import { startFakeSlack } from '../emulators/fake-slack.js';
import { createLedgerTable } from '../emulators/fixtures.js';
import { awsEnvForAccount, createMotoAccount, startMoto } from '../emulators/moto.js';
import { buttonsOf, clickPayload, formBody, signRequest } from '../emulators/slack-click.js';
import { ESBUILD_OPTIONS, PROJECT_ROOT } from '../infra/constructs/bundling.js';
import { parseConfig } from '../shared/config/load.js';
import { AwsClients } from '../shared/aws/aws-clients.js';
import { channelDeps, type JobContext } from '../shared/jobs/common/context.js';
import { DynamoLedger } from '../shared/ledger/dynamo-ledger.js';
import { MuteStore } from '../shared/ledger/mutes.js';
import { actionKindOf } from '../shared/notify/actions.js';
import { present, slackChannel } from '../shared/notify/channels.js';
import { dispatch } from '../shared/notify/dispatch.js';
import type { Alert } from '../shared/alerts/alert.js';

hideSdkNodeVersionWarning();

const SECRET = 'bench-signing-secret';
const TABLE = 'bench-ledger';
const WARM = 200;
const COLD_RUNS = 5;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const alert = (i: number): Alert => ({
  alertId: `daily-spend|service|Service ${i}|2026-11-20|warning`,
  severity: 'warning',
  subject: { job: 'daily-spend', scope: 'service', key: `Service ${i}`, account: null },
});

const moto = await startMoto({ quiet: true });
const slack = await startFakeSlack();
const ce = await startCostExplorerDouble();
try {
  const account = await createMotoAccount(moto.url);
  const env = awsEnvForAccount(moto.url, account, { AWS_ENDPOINT_URL_COST_EXPLORER: ce.url });
  Object.assign(process.env, env);
  const ddb = new DynamoDBClient({
    endpoint: moto.url,
    region: 'us-east-1',
    credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
  });
  await createLedgerTable(ddb, TABLE);
  const config = parseConfig({ notify: { slack: { channel: '#cost-alerts' } }, ledgerTable: TABLE });
  const slackEnv = { SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET };
  const ledger = new DynamoLedger(ddb, { table: TABLE });
  const mutes = new MuteStore(ddb, TABLE);

  // Mute reads per run: the one batched read, whatever the number of alerts up to 100 subjects.
  const reads: string[] = [];
  for (const n of [1, 20, 100, 250]) {
    const before = mutes.reads;
    await dispatch({ alerts: Array.from({ length: n }, (_, i) => alert(i)), channels: [], ledger, mutes, dryRun: false });
    reads.push(`${n} alerts: ${mutes.reads - before}`);
  }

  // One posted alert message whose Acknowledge button the clicks press.
  const ctx = { config, aws: new AwsClients(process.env, ALL_CLIENTS), env: slackEnv } as unknown as JobContext;
  await dispatch({
    alerts: [alert(9999)],
    channels: present([slackChannel<Alert>(channelDeps(ctx), () => ({ text: 'bench alert', blocks: [] }))]),
    ledger,
    mutes,
    dryRun: false,
  });
  const message = slack.messages.at(-1)!;
  const ack = buttonsOf(message.blocks).find((b) => actionKindOf(b.action_id!) === 'acknowledge')!;

  const dir = mkdtempSync(join(tmpdir(), 'cw-bench-actions-'));
  await build({
    ...ESBUILD_OPTIONS,
    entryPoints: [join(PROJECT_ROOT, 'lambdas', 'slack-actions', 'handler.ts')],
    outfile: join(dir, 'index.mjs'),
    logLevel: 'error',
  });

  const signedClicks = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => {
      const payload = {
        ...clickPayload(ack, { channel: message.channel, message: { text: message.text, blocks: message.blocks } }),
        trigger_id: `${tag}-${i}`,
      };
      return { ...signRequest(SECRET, formBody(payload)), isBase64Encoded: false };
    });
  const event = (r: { headers: Record<string, string>; body: string }) => ({
    headers: r.headers,
    body: r.body,
    isBase64Encoded: false,
    requestContext: { http: { method: 'POST' } },
  });

  const child = `
    const started = performance.now();
    const events = JSON.parse(await (await import('node:fs/promises')).readFile(process.argv[2], 'utf8'));
    const { handler } = await import(process.argv[3]);
    const loaded = performance.now();
    const first = await handler(events.cold);
    const firstDone = performance.now();
    const time = async (list) => {
      const out = [];
      for (const e of list) { const t = performance.now(); const r = await handler(e); out.push([performance.now() - t, r.statusCode]); }
      return out;
    };
    const warm = await time(events.warm);
    const unsigned = await time(events.unsigned);
    const firstStatus = first.statusCode;
    console.log(JSON.stringify({ boot: started, load: loaded - started, first: firstDone - loaded, firstStatus, warm, unsigned }));
  `;
  writeFileSync(join(dir, 'child.mjs'), child);
  const childEnv = {
    ...process.env,
    ...env,
    ...slackEnv,
    COST_WATCH_CONFIG: JSON.stringify({ notify: { slack: { channel: '#cost-alerts' } }, ledgerTable: TABLE }),
  };

  const cold: { boot: number; load: number; first: number }[] = [];
  let warm: number[] = [];
  let unsigned: number[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const events = {
      cold: event(signedClicks(1, `cold${run}`)[0]!),
      warm: run === 0 ? signedClicks(WARM, 'warm').map(event) : [],
      unsigned:
        run === 0
          ? Array.from({ length: WARM }, () =>
              event({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'payload=%7B%7D' }),
            )
          : [],
    };
    writeFileSync(join(dir, 'events.json'), JSON.stringify(events));
    // Asynchronous: the fake Slack and the CE double live in this process and must keep answering.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(dir, 'child.mjs'), join(dir, 'events.json'), join(dir, 'index.mjs')],
      { env: childEnv, encoding: 'utf8' },
    );
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!);
    if (out.firstStatus !== 200) throw new Error(`cold click answered ${out.firstStatus}`);
    cold.push(out);
    if (run === 0) {
      if (out.warm.some(([, s]: [number, number]) => s !== 200)) throw new Error('a warm click did not answer 200');
      if (out.unsigned.some(([, s]: [number, number]) => s !== 401)) throw new Error('an unsigned request did not answer 401');
      warm = out.warm.map(([t]: [number]) => t);
      unsigned = out.unsigned.map(([t]: [number]) => t);
    }
  }

  const median = (xs: number[]) => pct(xs, 50);
  console.log('Slack actions endpoint (built Lambda bundle, local moto + fake Slack):');
  console.log(
    `  cold start, ${COLD_RUNS} fresh node processes (median): node boot ${ms(median(cold.map((c) => c.boot)))}, bundle ` +
      `load ${ms(median(cold.map((c) => c.load)))}, first signed click ${ms(median(cold.map((c) => c.first)))}`,
  );
  console.log(
    `  warm, ${WARM} signed Acknowledge clicks: median ${ms(median(warm))}, p99 ${ms(pct(warm, 99))}, max ${ms(Math.max(...warm))}`,
  );
  console.log(`  warm, ${WARM} unsigned requests (401 before any I/O): median ${ms(median(unsigned))}, p99 ${ms(pct(unsigned, 99))}`);
  console.log(`  chat.update calls recorded by the fake Slack: ${slack.updates.length} (one per click)`);
  console.log(`Mute check, BatchGetItem calls added per dispatch: ${reads.join('; ')}`);
} finally {
  await Promise.all([slack.stop(), ce.stop(), moto.stop()]);
}
