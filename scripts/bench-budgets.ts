import { ALL_CLIENTS } from '../shared/aws/all-clients.js';
/**
 * `npm run bench:budgets`: what one budgets run costs in API calls and ledger
 * capacity for an account with 100 budgets. Seeds moto, runs the job in
 * process with SDK middleware counting every call, three times: a cold first
 * run (new alerts), a warm re-run (nothing new; STS cached as in a warm
 * Lambda), and a run with budgets.accountId set (no STS at all).
 */
import { BudgetsClient, CreateBudgetCommand } from '@aws-sdk/client-budgets';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { awsEnvForAccount, createMotoAccount, startMoto } from '../emulators/moto.js';
import { startFakeSlack } from '../emulators/fake-slack.js';
import { createLedgerTable, createTopicWithInbox } from '../emulators/fixtures.js';
import { parseConfig } from '../shared/config/load.js';
import { AwsClients } from '../shared/aws/aws-clients.js';
import { createContext } from '../shared/jobs/common/context.js';
import { runBudgets, type BudgetsResult } from '../shared/jobs/budgets/job.js';
import { silentLogger } from '../shared/log.js';
import { monthlyCostBudget } from './demo/budgets.js';
import { hideSdkNodeVersionWarning } from '../cli/node-warnings.js';

hideSdkNodeVersionWarning();

const BUDGETS = 100;

interface Tally {
  calls: Record<string, number>;
  writeUnits: number;
  readUnits: number;
}

type Stackable = { middlewareStack: { add: (mw: unknown, options: { step: string; name: string }) => void } };

/**
 * Counts every command a client sends into `meter.tally`. Ledger capacity is
 * computed by DynamoDB's billing rule rather than read from moto (which says
 * 0.5 for an UpdateItem): a write of an item up to 1 KB is 1 write unit, and a
 * conditional write that fails is billed the same. Ledger items are ~200 bytes.
 */
function counted<T>(client: T, meter: { tally: Tally }): T {
  (client as unknown as Stackable).middlewareStack.add(
    (next: (a: unknown) => Promise<unknown>, context: { commandName: string }) => async (args: unknown) => {
      const tally = meter.tally;
      tally.calls[context.commandName] = (tally.calls[context.commandName] ?? 0) + 1;
      if (context.commandName === 'PutItemCommand' || context.commandName === 'UpdateItemCommand') tally.writeUnits += 1;
      if (context.commandName === 'GetItemCommand') tally.readUnits += 0.5;
      // Eventually consistent reads of items under 4 KB: half a read unit per key asked for.
      if (context.commandName === 'BatchGetItemCommand') {
        const request = (args as { input: { RequestItems?: Record<string, { Keys?: unknown[] }> } }).input.RequestItems ?? {};
        for (const table of Object.values(request)) tally.readUnits += 0.5 * (table.Keys?.length ?? 0);
      }
      return next(args);
    },
    { step: 'initialize', name: 'benchCounter' },
  );
  return client;
}

/** Clients under the same keys the job asks for, each counted. */
function countedClients(meter: { tally: Tally }): AwsClients {
  const aws = new AwsClients(process.env, ALL_CLIENTS);
  counted(aws.budgets(), meter);
  counted(aws.sts(), meter);
  counted(aws.dynamo(), meter);
  counted(aws.sns('us-east-1'), meter);
  return aws;
}

function report(label: string, tally: Tally, result: BudgetsResult): string {
  const c = (name: string) => tally.calls[`${name}Command`] ?? 0;
  const byStatus: Record<string, number> = {};
  for (const d of result.deliveries) byStatus[`${d.channel} ${d.status}`] = (byStatus[`${d.channel} ${d.status}`] ?? 0) + 1;
  return [
    `${label}`,
    `  budgets evaluated ${result.evaluations.length}, skipped ${result.skipped.length}, ` +
      `alerts ${new Set(result.deliveries.map((d) => d.alertId)).size}`,
    `  DescribeBudgets pages ${c('DescribeBudgets')} · STS GetCallerIdentity ${c('GetCallerIdentity')} · SNS Publish ${c('Publish')}`,
    `  ledger PutItem (claims) ${c('PutItem')} · UpdateItem (mark sent) ${c('UpdateItem')} · BatchGetItem ${c('BatchGetItem')} ` +
      `· write units ${tally.writeUnits} · read units ${tally.readUnits}`,
    `  deliveries ${JSON.stringify(byStatus)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const [moto, slack] = await Promise.all([startMoto(), startFakeSlack()]);
  try {
    const account = await createMotoAccount(moto.url);
    Object.assign(process.env, awsEnvForAccount(moto.url, account), { SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-bench' });
    const clientConfig = {
      endpoint: moto.url,
      region: 'us-east-1',
      credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
    };
    const { Account: accountId } = await new STSClient(clientConfig).send(new GetCallerIdentityCommand({}));
    const seed = new BudgetsClient(clientConfig);
    // Spend from 20% to 119% of the limit, forecast 20% above: every tier is represented.
    for (let i = 0; i < BUDGETS; i++)
      await seed.send(
        new CreateBudgetCommand({
          AccountId: accountId,
          Budget: monthlyCostBudget(`budget-${String(i).padStart(3, '0')}`, 1000, 200 + i * 10, (200 + i * 10) * 1.2),
        }),
      );
    await createLedgerTable(new DynamoDBClient(clientConfig), 'bench-ledger');
    const topic = await createTopicWithInbox(new SNSClient(clientConfig), new SQSClient(clientConfig), 'bench-alerts');
    const raw = { notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: topic.topicArn }, ledgerTable: 'bench-ledger' };

    const fresh = (): Tally => ({ calls: {}, writeUnits: 0, readUnits: 0 });
    const meter = { tally: fresh() };
    const aws = countedClients(meter);
    const cfg = parseConfig(raw);
    const out: string[] = [];
    const measure = async (label: string, config = cfg, clients = aws) => {
      meter.tally = fresh();
      const result = await runBudgets(createContext({ config, log: silentLogger, aws: clients }));
      out.push(report(label, meter.tally, result));
    };

    await measure(`run 1 (cold, ${BUDGETS} budgets, every alert new)`);
    // The same AwsClients, as in a warm Lambda: the account id is cached, every alert is a duplicate.
    await measure('run 2 (warm re-run, nothing new)');
    await measure(
      'run 3 (cold, budgets.accountId set, nothing new)',
      parseConfig({ ...raw, budgets: { accountId } }),
      countedClients(meter),
    );
    out.push(`Slack messages ${slack.messages.length} · SNS messages ${(await topic.receive()).length}`);
    process.stdout.write(`${out.join('\n\n')}\n`);
  } finally {
    await Promise.all([moto.stop(), slack.stop()]);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
