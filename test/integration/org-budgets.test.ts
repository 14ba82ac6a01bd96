import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BudgetsClient, CreateBudgetCommand } from '@aws-sdk/client-budgets';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable, createTopicWithInbox, type TopicWithInbox } from '../../emulators/fixtures.js';
import type { LocalServer } from '../../emulators/http.js';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { monthlyCostBudget } from '../../scripts/demo/budgets.js';
import type { BudgetsResult } from '../../shared/jobs/budgets/job.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';
import { anyOf, assumeRoleDenied, awsFaultProxy, denied, type AwsCall, type InjectedFault } from '../support/fault-proxy.js';
import { memberClientConfig } from '../support/org.js';

let aws: TestAws;
let slack: FakeSlack;
let topic: TopicWithInbox;
let teamTopic: TopicWithInbox;
let org: SeededOrganization;
let ddb: DynamoDBClient;
let proxy: LocalServer & { url: string; calls: AwsCall[] };
let fault: (call: AwsCall) => InjectedFault | undefined = () => undefined;
let dir: string;
let run = 0;

const data = () => org.members[0]!;
const web = () => org.members[1]!;

async function config(organization: Record<string, unknown> = { accounts: 'all' }): Promise<string> {
  const file = join(dir, `config-${++run}.json`);
  const table = `ledger-orgb-${run}`;
  await createLedgerTable(ddb, table);
  const routes = [{ accounts: [data().id], slack: { channel: '#team-data' }, alertTopicArn: teamTopic.topicArn }];
  writeFileSync(
    file,
    JSON.stringify({
      organization,
      notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: topic.topicArn, routes },
      ledgerTable: table,
    }),
  );
  return file;
}

/** STS and Organizations go through the fault proxy, so one account's AssumeRole or ListAccounts can be denied. */
async function budgetsRun(file: string) {
  const r = await runCli(['run', 'budgets', '--config', file, '--json'], {
    env: {
      ...aws.env,
      AWS_ENDPOINT_URL_STS: proxy.url,
      AWS_ENDPOINT_URL_ORGANIZATIONS: proxy.url,
      SLACK_API_URL: slack.url,
      SLACK_BOT_TOKEN: 'xoxb-test',
    },
    timeoutMs: 60_000,
  });
  return { ...r, json: (r.stdout ? JSON.parse(r.stdout) : undefined) as BudgetsResult };
}

beforeAll(async () => {
  aws = await awsEnvFor();
  slack = await startFakeSlack();
  proxy = await awsFaultProxy(aws.env.AWS_ENDPOINT_URL!, (call) => fault(call));
  ddb = new DynamoDBClient(aws.clientConfig);
  const [sns, sqs] = [new SNSClient(aws.clientConfig), new SQSClient(aws.clientConfig)];
  topic = await createTopicWithInbox(sns, sqs, 'orgb-default');
  teamTopic = await createTopicWithInbox(sns, sqs, 'orgb-team-data');
  org = await seedOrganization({ clientConfig: aws.clientConfig, members: ['Data', 'Web'] });
  // Each account's own budgets, created in that account.
  const seed = async (account: string, clientConfig: TestAws['clientConfig'], ...budgets: ReturnType<typeof monthlyCostBudget>[]) => {
    const api = new BudgetsClient(clientConfig);
    for (const b of budgets) await api.send(new CreateBudgetCommand({ AccountId: account, Budget: b }));
  };
  await seed(data().id, await memberClientConfig(aws, data().id), monthlyCostBudget('data-monthly', 1000, 950, 1100));
  await seed(web().id, await memberClientConfig(aws, web().id), monthlyCostBudget('web-monthly', 500, 100, 150));
  await seed(aws.account.accountId, aws.clientConfig, monthlyCostBudget('shared-monthly', 100, 80, 90));
  dir = mkdtempSync(join(tmpdir(), 'cw-org-budgets-'));
}, 90_000);

afterAll(async () => {
  await Promise.all([slack?.stop(), proxy?.close()]);
});

beforeEach(async () => {
  fault = () => undefined;
  slack.reset();
  await Promise.all([topic.receive(), teamTopic.receive()]);
});

const evaluated = (r: BudgetsResult) => Object.fromEntries(r.evaluations.map((e) => [e.budget, [e.account, e.accountName]]));

describe('budgets in an organization', () => {
  it("reads every account's budgets through its role, names the account, and routes each account's alerts", async () => {
    const { code, json, stderr } = await budgetsRun(await config());

    expect(code, stderr).toBe(0);
    expect(evaluated(json)).toEqual({
      'data-monthly': [data().id, 'Data'],
      'web-monthly': [web().id, 'Web'],
      'shared-monthly': [aws.account.accountId, expect.any(String)],
    });
    expect(json.accountErrors).toEqual([]);
    expect(proxy.calls.filter((c) => c.action === 'AssumeRole')).toHaveLength(2); // the home account uses its own credentials
    const channels = Object.fromEntries(slack.messages.map((m) => [m.channel, m.text]));
    expect(channels['#team-data']).toContain(`Data (${data().id}): data-monthly`);
    expect(channels['#team-data']).not.toContain('shared-monthly');
    expect(channels['#cost-alerts']).toContain('shared-monthly');
    expect(channels['#cost-alerts']).not.toContain('data-monthly');
    const [team] = await teamTopic.receive();
    expect(team!.subject).toContain('Data');
    const ids = [...new Set(json.deliveries.filter((d) => d.alertId.includes('data-monthly')).map((d) => d.destination))].sort();
    expect(ids).toEqual(['#team-data', teamTopic.topicArn].sort());
  });

  it('lists an account whose role cannot be assumed in accountErrors, reports the others, and exits 0', async () => {
    fault = assumeRoleDenied([data().id]);

    const { code, json, stderr } = await budgetsRun(await config());

    expect(code, stderr).toBe(0);
    expect(json.accountErrors).toEqual([{ account: data().id, message: expect.stringContaining('cost-watch-read') }]);
    expect(Object.keys(evaluated(json)).sort()).toEqual(['shared-monthly', 'web-monthly']);
    expect(stderr).toContain(data().id);
  });

  it('exits 1 when no account could be read', async () => {
    fault = assumeRoleDenied([data().id, web().id]);

    const { code, stderr } = await budgetsRun(await config({ accounts: [data().id, web().id] }));

    expect(code).toBe(1);
    expect(stderr).toContain('no account');
    expect(slack.messages).toEqual([]);
  });

  it('exits 1 naming organizations:ListAccounts and suggesting an accounts list when ListAccounts is denied', async () => {
    fault = anyOf(denied('ListAccounts'));

    const { code, stdout, stderr } = await budgetsRun(await config());

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('organizations:ListAccounts');
    expect(stderr).toContain('organization.accounts');
    expect(slack.messages).toEqual([]);
  });
});
