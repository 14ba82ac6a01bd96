import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BudgetsClient, CreateBudgetCommand } from '@aws-sdk/client-budgets';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { ListPoliciesForTargetCommand, ListPoliciesCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { startFakeSlack, type FakeSlack } from '../../emulators/fake-slack.js';
import { createLedgerTable } from '../../emulators/fixtures.js';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { monthlyCostBudget } from '../../scripts/demo/budgets.js';
import type { ActionRecord } from '../../shared/detect/actions/types.js';
import type { BudgetsResult } from '../../shared/jobs/budgets/job.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';
import { memberClientConfig } from '../support/org.js';

let aws: TestAws;
let slack: FakeSlack;
let org: SeededOrganization;
let ddb: DynamoDBClient;
let memberEc2: EC2Client;
let homeEc2: EC2Client;
let dir: string;
let run = 0;
const ids: Record<string, string> = {};
const SLOW = { timeout: 120_000 };

const member = () => org.members[0]!;

async function launch(ec2: EC2Client, name: string): Promise<string> {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-12c6146b',
      InstanceType: 'm5.large',
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [
        {
          ResourceType: 'instance',
          Tags: [
            { Key: 'Name', Value: name },
            { Key: 'env', Value: 'dev' },
          ],
        },
      ],
    }),
  );
  return out.Instances![0]!.InstanceId!;
}
const stateOf = async (ec2: EC2Client, id: string) =>
  (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0]!.Instances![0]!.State!.Name;

/** A fresh ledger table per config: each test's records are its own. */
async function config(action: Record<string, unknown>): Promise<string> {
  const table = `ledger-org-acts-${++run}`;
  await createLedgerTable(ddb, table);
  const file = join(dir, `config-${run}.json`);
  const budgets = { actions: [{ id: `act-${run}`, atPct: 90, do: action }], approval: 'auto' };
  writeFileSync(
    file,
    JSON.stringify({ organization: { accounts: 'all' }, ledgerTable: table, notify: { slack: { channel: '#cost' } }, budgets }),
  );
  return file;
}
async function cli(args: string[]) {
  const env = { ...aws.env, SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-test' };
  const r = await runCli(args, { env, timeoutMs: 90_000 });
  return { ...r, json: r.stdout.trim().startsWith('{') ? JSON.parse(r.stdout) : undefined };
}
async function applied(file: string): Promise<ActionRecord> {
  const r = await cli(['run', 'budgets', '--config', file, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const records = (r.json as BudgetsResult).actions;
  expect(records.map((a) => [a.budget, a.account, a.status])).toEqual([['member-monthly', member().id, 'applied']]);
  return records[0]!;
}

beforeAll(async () => {
  aws = await awsEnvFor();
  slack = await startFakeSlack();
  ddb = new DynamoDBClient(aws.clientConfig);
  org = await seedOrganization({ clientConfig: aws.clientConfig, members: ['Data'] });
  const memberConfig = await memberClientConfig(aws, member().id);
  memberEc2 = new EC2Client(memberConfig);
  homeEc2 = new EC2Client(aws.clientConfig);
  ids.member = await launch(memberEc2, 'member-dev');
  ids.home = await launch(homeEc2, 'home-dev');
  // Only the member's budget has crossed 90%; the home account's is well under.
  await new BudgetsClient(memberConfig).send(
    new CreateBudgetCommand({ AccountId: member().id, Budget: monthlyCostBudget('member-monthly', 1000, 950, 1100) }),
  );
  await new BudgetsClient(aws.clientConfig).send(
    new CreateBudgetCommand({ AccountId: aws.account.accountId, Budget: monthlyCostBudget('home-monthly', 1000, 100, 150) }),
  );
  dir = mkdtempSync(join(tmpdir(), 'cw-org-actions-'));
}, 90_000);
afterAll(() => slack?.stop());

describe('budget actions in an organization', SLOW, () => {
  it("scale-down stops the tagged instance in the member account whose budget crossed, not the home one's; undo starts it", async () => {
    const file = await config({ type: 'scale-down', tags: { env: ['dev'] } });
    const record = await applied(file);
    expect(record.resources.map((r) => [r.id, r.state])).toEqual([[ids.member, 'applied']]);
    expect([await stateOf(memberEc2, ids.member!), await stateOf(homeEc2, ids.home!)]).toEqual(['stopped', 'running']);

    const undo = await cli(['actions', 'undo', record.id, '--config', file, '--json']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.json.action.status).toBe('restored');
    expect([await stateOf(memberEc2, ids.member!), await stateOf(homeEc2, ids.home!)]).toEqual(['running', 'running']);
  });

  it('deny-new-resources attaches an SCP to the member account from the management account; undo detaches and deletes it', async () => {
    const orgs = new OrganizationsClient(aws.clientConfig);
    const attached = async () =>
      ((await orgs.send(new ListPoliciesForTargetCommand({ TargetId: member().id, Filter: 'SERVICE_CONTROL_POLICY' }))).Policies ?? [])
        .map((p) => p.Name)
        .filter((n) => n?.startsWith('cost-watch'));
    const scps = async () =>
      ((await orgs.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' }))).Policies ?? []).filter((p) =>
        p.Name?.startsWith('cost-watch'),
      );
    const file = await config({ type: 'deny-new-resources' });
    const record = await applied(file);
    const [scp] = record.resources;
    expect(record.resources).toHaveLength(1);
    expect(scp).toMatchObject({ kind: 'scp', state: 'applied', after: { attached: true, target: member().id } });
    expect(await attached()).toEqual([scp!.id]);
    expect((await scps()).map((p) => p.Id)).toEqual([scp!.after.policyId]);

    const undo = await cli(['actions', 'undo', record.id, '--config', file, '--json']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.json.action.status).toBe('restored');
    expect([await attached(), await scps()]).toEqual([[], []]);
  });
});
