import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable } from '../../emulators/fixtures.js';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { orgSpendScenario } from '../../emulators/scenarios/org-spend.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const DAY = '2026-11-20';
const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const EC2_WITH_EN_DASH = 'Amazon Elastic Compute Cloud – Compute';

let aws: TestAws;
let ce: CostExplorerDouble;
let slack: FakeSlack;
let org: SeededOrganization;
let ddb: DynamoDBClient;
let dir: string;
let run = 0;

async function orgConfig(): Promise<{ file: string; table: string }> {
  const file = join(dir, `config-${++run}.json`);
  const table = `ledger-org-mute-${run}`;
  await createLedgerTable(ddb, table);
  const accounts = org.members.map((m) => m.id);
  const config = {
    organization: { accounts },
    notify: { slack: { channel: '#cost-alerts' } },
    ledgerTable: table,
    dailySpend: { recheckDays: 0, baseline: 'previous-day' },
  };
  writeFileSync(file, JSON.stringify(config));
  return { file, table };
}

const cli = (args: string[]) => {
  const env = { ...aws.env, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url, SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test' };
  return runCli(args, { env, timeoutMs: 60_000 });
};

async function muteItems(table: string): Promise<string[]> {
  const out = await ddb.send(new ScanCommand({ TableName: table }));
  return (out.Items ?? [])
    .map((i) => i.pk!.S!)
    .filter((pk) => pk.startsWith('mute|'))
    .sort();
}

beforeAll(async () => {
  aws = await awsEnvFor();
  [ce, slack] = await Promise.all([startCostExplorerDouble(), startFakeSlack()]);
  ddb = new DynamoDBClient(aws.clientConfig);
  org = await seedOrganization({ clientConfig: aws.clientConfig, members: ['Data', 'Web'] });
  dir = mkdtempSync(join(tmpdir(), 'cw-org-mute-'));
}, 60_000);

afterAll(async () => {
  await Promise.all([ce?.stop(), slack?.stop()]);
});

beforeEach(() => {
  ce.setDataset(
    orgSpendScenario(
      DAY,
      org.members.map((m) => ({ id: m.id, spiky: true })),
    ),
  );
  ce.resetRequests();
  slack.reset();
});

describe('mute and unmute with an organization config', { timeout: 180_000 }, () => {
  it('refuse a subject without --account, exit 2 naming --account, and write nothing', async () => {
    const { file, table } = await orgConfig();
    for (const command of ['mute', 'unmute']) {
      const r = await cli([command, 'daily-spend', EC2, '--config', file]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('--account');
      expect(r.stderr).toContain('--all-accounts');
    }
    expect(await muteItems(table)).toEqual([]);
  });

  it('--all-accounts mutes the subject in every chosen account: a later run sends none of its alerts; unmute ends it', async () => {
    const { file, table } = await orgConfig();
    const muted = await cli(['mute', 'daily-spend', EC2, '--all-accounts', '--config', file]);
    expect(muted.code, muted.stderr).toBe(0);
    expect(await muteItems(table)).toEqual(org.members.map((m) => `mute|daily-spend|service|${m.id}|${EC2}`).sort());

    const r = await cli(['run', 'daily-spend', '--date', DAY, '--config', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    type Result = { spikes: { key: string; account: string; alertId: string }[]; deliveries: { alertId: string; status: string }[] };
    const result = JSON.parse(r.stdout) as Result;
    const ec2 = result.spikes.filter((s) => s.key === EC2);
    expect(new Set(ec2.map((s) => s.account))).toEqual(new Set(org.members.map((m) => m.id)));
    for (const spike of ec2) expect(result.deliveries.filter((d) => d.alertId === spike.alertId).map((d) => d.status)).toEqual(['muted']);
    expect(slack.messages.map((m) => m.text).join('\n')).not.toContain(EC2);

    const unmuted = await cli(['unmute', 'daily-spend', EC2, '--all-accounts', '--config', file]);
    expect(unmuted.code, unmuted.stderr).toBe(0);
    expect(await muteItems(table)).toEqual([]);
  });

  it('takes an organization-wide subject (the total) without --account', async () => {
    const { file, table } = await orgConfig();
    const r = await cli(['mute', 'daily-spend', 'total', '--scope', 'total', '--config', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(await muteItems(table)).toEqual(['mute|daily-spend|total|-|total']);
  });
});

describe('mute checks the key against what cost-watch knows', { timeout: 180_000 }, () => {
  it('refuses a service name with an en dash, exit 2 naming <key> and the real name, with one Cost Explorer request', async () => {
    const { file, table } = await orgConfig();
    const account = org.members[0]!.id;
    const r = await cli(['mute', 'daily-spend', EC2_WITH_EN_DASH, '--account', account, '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<key>');
    expect(r.stderr).toContain(`"${EC2}"`);
    expect(r.stderr).toContain('--force');
    expect(ce.requests.map((q) => q.operation)).toEqual(['GetDimensionValues']);
    expect(await muteItems(table)).toEqual([]);

    const forced = await cli(['mute', 'daily-spend', EC2_WITH_EN_DASH, '--account', account, '--force', '--config', file]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await muteItems(table)).toEqual([`mute|daily-spend|service|${account}|${EC2_WITH_EN_DASH}`]);
  });

  it('knows a budget only once the ledger has recorded it, and suggests the recorded one', async () => {
    const { file } = await orgConfig();
    const account = org.members[0]!.id;
    const first = await cli(['mute', 'budgets', 'team-data', '--account', account, '--config', file]);
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/<key>: "team-data" is not a budgets budget cost-watch knows/);
    expect((await cli(['mute', 'budgets', 'team-data', '--account', account, '--force', '--config', file])).code).toBe(0);
    const near = await cli(['mute', 'budgets', 'team-dta', '--account', account, '--config', file]);
    expect(near.code).toBe(2);
    expect(near.stderr).toContain('closest: "team-data"');
  });
});
