import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { seedFleet, type SeededRegion } from '../../scripts/demo/idle-resources.js';
import { parseConfig } from '../../shared/config/load.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { createContext } from '../../shared/jobs/common/context.js';
import { planIdleScan, reduceIdleScan, scanIdleTask, scanTasks } from '../../shared/jobs/idle-resources/job.js';
import { silentLogger } from '../../shared/log.js';
import { runCli } from '../support/cli.js';
import { awsFaultProxy, type AwsCall } from '../support/fault-proxy.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

let aws: TestAws;
let org: SeededOrganization;
let data: SeededRegion[];
let web: SeededRegion[];
let home: SeededRegion[];

/** The env of a member account: moto's AssumeRole keys act in that account. */
async function memberEnv(account: string): Promise<Record<string, string>> {
  const sts = new STSClient(aws.clientConfig);
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/cost-watch-read`, RoleSessionName: 'seed' }));
  const c = out.Credentials!;
  return { ...aws.env, AWS_ACCESS_KEY_ID: c.AccessKeyId!, AWS_SECRET_ACCESS_KEY: c.SecretAccessKey!, AWS_SESSION_TOKEN: c.SessionToken! };
}

function context(organization: Record<string, unknown>) {
  const config = parseConfig({ idle: { regions: ['us-east-1', 'eu-west-1'] }, organization });
  return createContext({ config, log: silentLogger, aws: new AwsClients(process.env, ALL_CLIENTS), env: aws.env, dryRun: true });
}

beforeAll(async () => {
  aws = await awsEnvFor();
  Object.assign(process.env, aws.env);
  org = await seedOrganization({ clientConfig: aws.clientConfig, members: ['Data', 'Web', 'Locked'] });
  const [d, w] = org.members;
  data = await seedFleet(await memberEnv(d!.id), [
    {
      region: 'us-east-1',
      instances: [
        { type: 'm5.large', cpu: 1, name: 'data-idle' },
        { type: 'm5.large', cpu: 50 },
      ],
      volumes: [{ type: 'gp3', sizeGiB: 10 }],
    },
  ]);
  web = await seedFleet(await memberEnv(w!.id), [
    { region: 'eu-west-1', instances: [], volumes: [{ type: 'gp2', sizeGiB: 20, name: 'web-old' }] },
  ]);
  home = await seedFleet(aws.env, [{ region: 'us-east-1', instances: [], volumes: [{ type: 'gp2', sizeGiB: 5 }] }]);
}, 120_000);

describe('idle-resources over an organization: plan -> scan per pair -> reduce', { timeout: 120_000 }, () => {
  it('plans every (account, region) pair of the ACTIVE accounts, one AssumeRole per member', async () => {
    const plan = await planIdleScan(context({ accounts: 'all' }));
    expect(plan.home).toBe(aws.account.accountId);
    expect(plan.accountErrors).toEqual([]);
    expect(plan.items).toHaveLength(4 * 2);
    expect(plan.items).toContainEqual({ home: false, id: org.members[0]!.id, name: 'Data', region: 'eu-west-1' });
    expect(plan.requests).toMatchObject({ getCallerIdentity: 1, listAccounts: 1, assumeRole: 3, describeRegions: 0 });
  });

  it('finds the waste in member accounts, each finding naming its account', async () => {
    const ctx = context({ accounts: 'all' });
    const plan = await planIdleScan(ctx);
    const outcomes = await Promise.all(scanTasks(plan).map((t) => scanIdleTask(ctx, t)));
    const result = await reduceIdleScan(ctx, plan, outcomes);

    expect(result.regionErrors).toEqual([]);
    expect(result.accountErrors).toEqual([]);
    expect(result.idleInstances).toEqual([
      expect.objectContaining({ id: data[0]!.instanceIds[0], account: org.members[0]!.id, region: 'us-east-1' }),
    ]);
    const volumes = result.unattachedVolumes.map((v) => ({ id: v.id, account: (v as { account?: string }).account }));
    expect(volumes).toEqual(
      expect.arrayContaining([
        { id: data[0]!.volumeIds[0], account: org.members[0]!.id },
        { id: web[0]!.volumeIds[0], account: org.members[1]!.id },
        { id: home[0]!.volumeIds[0], account: aws.account.accountId },
      ]),
    );
    expect(result.unattachedVolumes).toHaveLength(3);
    expect(result.accounts).toHaveLength(4);
    // One dispatch for the whole run: every finding is one dry-run delivery (SNS not configured, Slack neither: none).
    expect(result.deliveries).toEqual([]);
  });

  it('leaves out excluded accounts', async () => {
    const ctx = context({ accounts: 'all', excludeAccounts: [org.members[1]!.id] });
    const plan = await planIdleScan(ctx);
    const outcomes = await Promise.all(scanTasks(plan).map((t) => scanIdleTask(ctx, t)));
    const result = await reduceIdleScan(ctx, plan, outcomes);
    expect(plan.items.map((i) => !i.home && i.id)).not.toContain(org.members[1]!.id);
    expect(result.unattachedVolumes.map((v) => v.id)).not.toContain(web[0]!.volumeIds[0]);
  });

  it('runs the same steps from the CLI with a bounded pool and progress on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-idle-org-'));
    const file = join(dir, 'config.json');
    writeFileSync(
      file,
      JSON.stringify({ idle: { regions: ['us-east-1', 'eu-west-1'] }, organization: { accounts: 'all', concurrency: 2 } }),
    );
    const { code, stdout, stderr } = await runCli(['run', 'idle-resources', '--config', file, '--json', '--dry-run'], {
      env: aws.env,
      timeoutMs: 90_000,
    });
    expect(stderr).toMatch(/scanned 8\/8 account-regions/);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.unattachedVolumes).toHaveLength(3);
    expect(json.idleInstances[0].account).toBe(org.members[0]!.id);
  });
});

describe("idle-resources when a member account's role cannot be assumed", { timeout: 120_000 }, () => {
  let proxy: Awaited<ReturnType<typeof awsFaultProxy>>;
  const locked = () => org.members[2]!.id;
  const stsDenied = (call: AwsCall) =>
    call.action === 'AssumeRole' && call.body.includes(locked())
      ? {
          status: 403,
          code: 'AccessDenied',
          message: `User is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${locked()}:role/cost-watch-read`,
        }
      : undefined;
  beforeAll(async () => {
    proxy = await awsFaultProxy(aws.env.AWS_ENDPOINT_URL!, stsDenied);
  });
  afterAll(() => proxy?.close());

  it('lists the account in accountErrors, scans the others, and assumes each member role once', async () => {
    process.env.AWS_ENDPOINT_URL_STS = proxy.url;
    try {
      const ctx = context({ accounts: 'all' });
      const plan = await planIdleScan(ctx);
      const outcomes = await Promise.all(scanTasks(plan).map((t) => scanIdleTask(ctx, t)));
      const result = await reduceIdleScan(ctx, plan, outcomes);
      expect(result.accountErrors).toEqual([
        { account: locked(), message: expect.stringMatching(/cannot assume arn:aws:iam::\d{12}:role\/cost-watch-read .*AccessDenied/) },
      ]);
      expect(plan.items.map((i) => !i.home && i.id)).not.toContain(locked());
      expect(result.regionErrors).toEqual([]);
      expect(result.unattachedVolumes.map((v) => v.id)).toContain(web[0]!.volumeIds[0]);
      // Plan checked each of the 3 members once; the scans reused those credentials.
      expect(proxy.calls.filter((c) => c.action === 'AssumeRole')).toHaveLength(3);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_STS;
    }
  });

  it('exits 0 from the CLI with the account in accountErrors, and 1 when no account could be scanned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-idle-denied-'));
    const write = (organization: unknown) => {
      const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, JSON.stringify({ idle: { regions: ['us-east-1'] }, organization }));
      return file;
    };
    const env = { ...aws.env, AWS_ENDPOINT_URL_STS: proxy.url };
    const some = await runCli(['run', 'idle-resources', '--config', write({ accounts: 'all' }), '--json', '--dry-run'], {
      env,
      timeoutMs: 90_000,
    });
    expect(some.code).toBe(0);
    expect(JSON.parse(some.stdout).accountErrors).toEqual([{ account: locked(), message: expect.stringContaining('AccessDenied') }]);
    expect(some.stderr).toMatch(new RegExp(`account ${locked()} not scanned`));

    const none = await runCli(['run', 'idle-resources', '--config', write({ accounts: [locked()] }), '--json', '--dry-run'], {
      env,
      timeoutMs: 90_000,
    });
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/no account-region pair could be scanned: account \d{12}: cannot assume/);
  });
});
