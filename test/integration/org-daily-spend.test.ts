import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CostExplorerDouble } from '../../emulators/cost-explorer.js';
import type { FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable, type TopicWithInbox } from '../../emulators/fixtures.js';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { orgSpendScenario } from '../../emulators/scenarios/org-spend.js';
import { formatMoney } from '../../shared/format.js';
import { runCli } from '../support/cli.js';
import type { TestAws } from '../support/env.js';
import { startWorld, type World } from '../support/world.js';

const DAY = '2026-11-20';
const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const S3 = 'Amazon Simple Storage Service';

let aws: TestAws;
let ce: CostExplorerDouble;
let slack: FakeSlack;
let defaultTopic: TopicWithInbox;
let dataTopic: TopicWithInbox;
let org: SeededOrganization;
let ddb: DynamoDBClient;
let dir: string;
let run = 0;

const data = () => org.members[0]!;
const web = () => org.members[1]!;

async function config(extra: { organization?: unknown; routes?: unknown[] } = {}): Promise<string> {
  const file = join(dir, `config-${++run}.json`);
  const table = `ledger-org-${run}`;
  await createLedgerTable(ddb, table);
  writeFileSync(
    file,
    JSON.stringify({
      dailySpend: { warningPct: 10, baseline: 'previous-day' },
      organization: extra.organization ?? { accounts: 'all' },
      notify: {
        slack: { channel: '#cost-alerts' },
        alertTopicArn: defaultTopic.topicArn,
        routes: extra.routes ?? [
          { accounts: [data().id], slack: { channel: '#team-data' }, alertTopicArn: dataTopic.topicArn },
          { accounts: [web().id], slack: { channel: '#team-web' } },
        ],
      },
      ledgerTable: table,
    }),
  );
  return file;
}

async function daily(file: string) {
  const r = await runCli(['run', 'daily-spend', '--date', DAY, '--config', file, '--json'], {
    env: { ...aws.env, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url, SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test' },
    timeoutMs: 60_000,
  });
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

const byChannel = () => Object.fromEntries(slack.messages.map((m) => [m.channel, m.text]));

let world: World;
beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-org-daily-', costExplorer: true, slack: true, topic: 'org-default' });
  ({ aws, ce, slack, ddb, dir, topic: defaultTopic } = world);
  dataTopic = await world.newTopic('org-team-data');
  org = await seedOrganization({ clientConfig: aws.clientConfig, members: ['Data', 'Web'] });
}, 60_000);

afterAll(() => world?.stop());

beforeEach(async () => {
  ce.setDataset(
    orgSpendScenario(DAY, [
      { id: data().id, spiky: true },
      { id: web().id, scale: 0.1 },
      { id: aws.account.accountId, scale: 0.1 },
    ]),
  );
  ce.resetRequests();
  slack.reset();
  await Promise.all([defaultTopic.receive(), dataTopic.receive()]);
});

describe('daily-spend in an organization', () => {
  it('asks Cost Explorer once by account and service, and finds the organization, account and service spikes with names', async () => {
    const { code, json, stderr } = await daily(await config());

    expect(code, stderr).toBe(0);
    // One request for the spend; the second is the one drivers request service spikes allow.
    const spend = ce.requests.filter((r) => !JSON.stringify(r.body.GroupBy).includes('USAGE_TYPE'));
    expect(spend).toHaveLength(1);
    expect(spend[0]!.body.GroupBy).toEqual([
      { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' },
      { Type: 'DIMENSION', Key: 'SERVICE' },
    ]);
    expect(ce.requests).toHaveLength(2);
    expect(json.costExplorerRequests).toBe(2);
    const today = json.spikes.filter((s: { date: string }) => s.date === DAY);
    const seen = today.map((s: Record<string, unknown>) => [s.scope, s.key, s.account, s.accountName, s.severity]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['total', 'total', null, null, 'warning'],
        ['account', data().id, data().id, 'Data', 'warning'],
        ['service', EC2, data().id, 'Data', 'critical'],
        ['service', S3, data().id, 'Data', 'warning'],
      ]),
    );
    expect(today).toHaveLength(4);
    expect(json.total.severity).toBe('warning');
    const ec2 = today.find((s: { key: string }) => s.key === EC2);
    expect(ec2.alertId).toContain(data().id);
    expect(decodeURIComponent(ec2.consoleUrl)).toContain(data().id);
  });

  it("sends an account's spikes to its route only, and the organization total to the defaults", async () => {
    const { code, json } = await daily(await config());

    expect(code).toBe(0);
    const texts = byChannel();
    expect(Object.keys(texts).sort()).toEqual(['#cost-alerts', '#team-data']);
    expect(slack.messages).toHaveLength(2);
    expect(texts['#team-data']).toContain(`Data (${data().id}): ${EC2}`);
    expect(texts['#team-data']).not.toContain('Total spend');
    expect(texts['#cost-alerts']).toContain('Total spend');
    expect(texts['#cost-alerts']).not.toContain(EC2);
    // The team's total line: its own account's day, month to date and forecast, never the organization's.
    const account = json.spikes.find((s: { scope: string; date: string }) => s.scope === 'account' && s.date === DAY);
    expect(texts['#team-data']).toContain(`Total of Data ${DAY}: ${formatMoney(account.amount, 'USD')} (`);
    for (const org of [json.total.amount, json.monthToDate, json.total.forecast])
      expect(texts['#team-data']).not.toContain(formatMoney(org, 'USD'));
    expect(texts['#cost-alerts']).toContain(`Total ${DAY}: ${formatMoney(json.total.amount, 'USD')}`);
    expect(texts['#cost-alerts']).toContain(`month to date ${formatMoney(json.monthToDate, 'USD')}`);
    const teamBlocks = JSON.stringify(slack.messages.find((m) => m.channel === '#team-data')!.blocks);
    expect(teamBlocks).toContain(`*Data (${data().id})*`);
    const [mine, theirs] = [await dataTopic.receive(), await defaultTopic.receive()];
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message).toContain(`Data (${data().id}): ${EC2}`);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.message).not.toContain(EC2);
    const ec2 = json.deliveries.filter((d: { alertId: string }) => d.alertId.includes(EC2));
    expect(ec2.map((d: { destination: string }) => d.destination).sort()).toEqual(['#team-data', dataTopic.topicArn].sort());
  });

  it('with continue, also reaches the defaults in the same one message per channel; a re-run sends nothing anywhere', async () => {
    const file = await config({
      routes: [{ accounts: [data().id], slack: { channel: '#team-data' }, alertTopicArn: dataTopic.topicArn, continue: true }],
    });

    const first = await daily(file);
    const again = await daily(file);

    expect([first.code, again.code]).toEqual([0, 0]);
    expect(slack.messages.map((m) => m.channel).sort()).toEqual(['#cost-alerts', '#team-data']);
    expect(byChannel()['#cost-alerts']).toContain(EC2);
    expect(byChannel()['#cost-alerts']).toContain('Total spend');
    expect(await dataTopic.receive()).toHaveLength(1);
    expect(await defaultTopic.receive()).toHaveLength(1);
    expect(again.json.deliveries.length).toBeGreaterThan(0);
    expect(again.json.deliveries.every((d: { status: string }) => d.status === 'duplicate')).toBe(true);
  });

  it('filters the one request to the chosen accounts, and names the accounts on the SNS message', async () => {
    const { code, json } = await daily(await config({ organization: { accounts: [data().id, web().id] }, routes: [] }));

    expect(code).toBe(0);
    expect(JSON.stringify(ce.requests[0]!.body.GroupBy)).not.toContain('USAGE_TYPE');
    expect(JSON.stringify(ce.requests[0]!.body.Filter)).toContain('LINKED_ACCOUNT');
    expect(json.spikes.every((s: { account: string | null }) => s.account !== aws.account.accountId)).toBe(true);
    const [msg] = await defaultTopic.receive();
    expect(msg!.message).toContain(`Data (${data().id})`);
  });
});
