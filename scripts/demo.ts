/**
 * `npm run demo`: every job end to end on local emulators. Starts moto, the
 * Cost Explorer double and a fake Slack, seeds a realistic account, runs each
 * job through the real CLI, prints what Slack and SNS received, stops it all
 * (with --keep: leaves it all running and prints the environment to paste).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ensureMotoServer } from '../emulators/moto-install.js';
import { startMoto, type MotoHandle } from '../emulators/moto.js';
import { startBudgetsDouble } from '../emulators/budgets.js';
import { startCostExplorerDouble, type CostExplorerDouble } from '../emulators/cost-explorer.js';
import { startFakeSlack, type FakeSlack } from '../emulators/fake-slack.js';
import { createTopicWithInbox, type TopicWithInbox } from '../emulators/fixtures.js';
import { newDemoAccount, SLACK_SECRET_ID, seedDelivery } from './demo/demo-account.js';
import { DAILY_DEMO_CONFIG, seedDailySpend } from './demo/daily-spend.js';
import { showExpectedSpend } from './demo/expected-spend.js';
import { seedBudgets } from './demo/budgets.js';
import { showFinanceEmail, verifyDemoSender, withFinanceEmail } from './demo/finance-email.js';
import { DEMO_IDLE_RULES, DEMO_IDLE_RULES_NOTE, seedIdleResources } from './demo/idle-resources.js';
import { describeLevers, loadMonthlyReportCosts, REVIEW_CONFIG, saveMonthlyReport, seedMonthlyReport } from './demo/monthly-report.js';
import { describeContainers, seedContainers } from './demo/containers.js';
import { showOrganization } from './demo/organization.js';
import { showOwnership } from './demo/ownership.js';
import { renderSlack, renderSns } from './demo/render-slack.js';
import { showMuteDemo } from './demo/slack-actions.js';
import { showBudgetActions } from './demo/budget-actions.js';
import { DEMO_USAGE, keepInstructions, parseDemoArgs } from './demo/keep.js';
import { hideSdkNodeVersionWarning } from '../cli/node-warnings.js';

hideSdkNodeVersionWarning();

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'out');
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

interface Services {
  moto: MotoHandle;
  ce: CostExplorerDouble;
  slack: FakeSlack;
}

export interface DemoWorld {
  readonly env: Record<string, string>;
  readonly ce: CostExplorerDouble;
  readonly slack: FakeSlack;
  readonly alerts: TopicWithInbox;
  readonly reports: TopicWithInbox;
  readonly configFile: string;
  readonly accountId: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'bin/cost-watch.js'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.once('error', fail);
    child.once('close', (code) => done({ code: code ?? 1, stdout }));
  });
}

async function setUp(s: Services): Promise<DemoWorld> {
  const { account, env, clientConfig } = await newDemoAccount({ motoUrl: s.moto.url, costExplorerUrl: s.ce.url, slackUrl: s.slack.url });
  const sns = new SNSClient(clientConfig);
  const sqs = new SQSClient(clientConfig);
  await seedDelivery(clientConfig);
  const alerts = await createTopicWithInbox(sns, sqs, 'cost-watch-alerts');
  const reports = await createTopicWithInbox(sns, sqs, 'cost-watch-reports');
  mkdirSync(outDir, { recursive: true });
  const configFile = join(outDir, 'demo.config.json');
  writeFileSync(
    configFile,
    `${JSON.stringify(
      {
        idle: { regions: ['us-east-1', 'eu-west-1'], rules: DEMO_IDLE_RULES },
        report: {
          bucket: 'cost-watch-reports-demo',
          prefix: 'reports/',
          groupByTags: ['team'],
          emails: ['finance@example.com'],
          ...REVIEW_CONFIG.report,
        },
        notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: alerts.topicArn, reportTopicArn: reports.topicArn },
        ledgerTable: 'cost-watch-ledger',
        ...DAILY_DEMO_CONFIG,
      },
      null,
      2,
    )}\n`,
  );
  return { env, ce: s.ce, slack: s.slack, alerts, reports, configFile, accountId: account.accountId };
}

async function showJob(world: DemoWorld, title: string, args: string[]): Promise<void> {
  process.stdout.write(`\n${BOLD}━━ ${title} ━━${RESET}\n$ npx cost-watch ${args.join(' ')}\n`);
  const before = world.slack.messages.length;
  const { code, stdout } = await runCli([...args, '--config', world.configFile], world.env);
  process.stdout.write(`${stdout}(exit ${code})\n\n`);
  for (const m of world.slack.messages.slice(before)) process.stdout.write(`${renderSlack(m.channel, m.blocks as never)}\n`);
  for (const [name, topic] of [
    ['cost-watch-alerts', world.alerts],
    ['cost-watch-reports', world.reports],
  ] as const)
    for (const m of await topic.receive()) process.stdout.write(`${renderSns(name, m)}\n`);
}

/** Blocks until SIGINT or SIGTERM: the doubles and the fake Slack live in this process. */
function waitForStop(): Promise<void> {
  return new Promise((stop) => {
    process.once('SIGINT', () => stop());
    process.once('SIGTERM', () => stop());
  });
}

async function main(): Promise<number> {
  let keep: boolean;
  try {
    const args = parseDemoArgs(process.argv.slice(2));
    if (args.help) {
      process.stdout.write(DEMO_USAGE);
      return 0;
    }
    keep = args.keep;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}`);
    return 2;
  }
  try {
    await ensureMotoServer();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nThe demo runs every job against moto (a local AWS emulator).\n`);
    return 1;
  }
  process.stdout.write('Starting moto, the Cost Explorer double and a fake Slack …\n');
  // RDS gets its own moto: moto's /moto-api/data.json (where the SES outbox is read) fails once any DB instance exists.
  const [moto, rdsMoto, ce, slack, budgets] = await Promise.all([
    startMoto(),
    startMoto(),
    startCostExplorerDouble(),
    startFakeSlack(),
    startBudgetsDouble(),
  ]);
  try {
    const world = await setUp({ moto, ce, slack });
    world.env.AWS_ENDPOINT_URL_RDS = rdsMoto.url;
    // moto has no DescribeBudgetPerformanceHistory: the budgets job and the report read the project's own Budgets double.
    world.env.AWS_ENDPOINT_URL_BUDGETS = budgets.url;
    await seedDailySpend(ce, world.env, new Date(), world.accountId);
    await showJob(world, 'daily-spend: yesterday’s spikes', ['run', 'daily-spend']);
    await showJob(world, 'daily-spend again: nothing is sent twice', ['run', 'daily-spend']);
    await showExpectedSpend((t) => process.stdout.write(t));
    await showMuteDemo(
      world,
      (title, args) => showJob(world, title, args),
      (t) => process.stdout.write(t),
    );
    await seedIdleResources(world.env);
    process.stdout.write(`\n${DEMO_IDLE_RULES_NOTE}`);
    await showJob(world, 'idle-resources: waste by rule (idle, stopped, unattached, gp2, snapshots, IPs, NAT, load balancers, databases)', [
      'run',
      'idle-resources',
    ]);
    await showJob(world, 'idle-resources again: nothing new this week', ['run', 'idle-resources']);
    await seedBudgets(budgets, world.env);
    await showJob(world, 'budgets: thresholds crossed', ['run', 'budgets']);
    await showJob(world, 'budgets again: nothing repeats', ['run', 'budgets']);
    // EC2 and Auto Scaling of the budget actions in the second moto: its data.json (the SES outbox) is never read.
    const actionsEnv = { ...world.env, AWS_ENDPOINT_URL_EC2: rdsMoto.url, AWS_ENDPOINT_URL_AUTO_SCALING: rdsMoto.url };
    await showBudgetActions({ ...world, env: actionsEnv, outDir }, (t) => process.stdout.write(t));
    const month = loadMonthlyReportCosts(ce, new Date(), world.accountId);
    await seedMonthlyReport(world.env);
    const k8s = await seedContainers(outDir, month);
    const withContainers = { ...(JSON.parse(readFileSync(world.configFile, 'utf8')) as object), containers: k8s.config };
    writeFileSync(world.configFile, `${JSON.stringify(withContainers, null, 2)}\n`);
    process.stdout.write(`\nKubernetes cost: a CUR 2.0 export with split cost allocation data, read with DuckDB\n${k8s.summary}\n`);
    await showJob(world, 'monthly-report: last month for finance', ['run', 'monthly-report']);
    const reportHtml = await saveMonthlyReport(world.env, { month });
    const reportJson = JSON.parse(readFileSync(reportHtml.replace(/\.html$/, '.json'), 'utf8')) as unknown;
    process.stdout.write(
      `\n${describeLevers(reportJson)}\n${describeContainers(reportJson)}\nFinance report for ${month} (open it in a browser): ${reportHtml}\n`,
    );
    await verifyDemoSender(world.env);
    const emailConfig = join(outDir, 'demo.email.config.json');
    writeFileSync(emailConfig, `${JSON.stringify(withFinanceEmail(JSON.parse(readFileSync(world.configFile, 'utf8'))), null, 2)}\n`);
    await showJob(
      { ...world, configFile: emailConfig },
      'monthly-report with report.email: the finance email through SES, files attached',
      ['run', 'monthly-report'],
    );
    const eml = await showFinanceEmail(world.env, outDir);
    if (eml) process.stdout.write(`Finance email (open it in a mail client): ${eml}\n`);
    await showOwnership({ moto, ce, slack, outDir, run: runCli });
    await showOrganization({ moto, ce, slack, outDir, run: runCli });
    process.stdout.write(`\nDemo config: ${world.configFile}\n`);
    if (keep) {
      const motoPids = [moto.pid, rdsMoto.pid];
      process.stdout.write(
        keepInstructions({
          env: world.env,
          configFile: world.configFile,
          root,
          demoPid: process.pid,
          motoPids,
          slackSecretId: SLACK_SECRET_ID,
        }),
      );
      await waitForStop();
      process.stdout.write('Stopping the emulators …\n');
    }
    return 0;
  } finally {
    await Promise.all([moto.stop(), rdsMoto.stop(), ce.stop(), slack.stop(), budgets.stop()]);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`demo failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
