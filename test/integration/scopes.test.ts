import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateVolumeCommand, DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { eachAccountChecked, planAccounts, ScopeAccess, scopesOf } from '../../shared/aws/scopes.js';
import { parseConfig } from '../../shared/config/load.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { createContext, memberRole } from '../../shared/jobs/common/context.js';
import { silentLogger } from '../../shared/log.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

let aws: TestAws;
let org: SeededOrganization;

/** A job context whose default credential chain is the management account on moto. */
function contextFor(organization?: Record<string, unknown>) {
  const config = parseConfig(organization ? { organization } : {});
  return createContext({ config, log: silentLogger, aws: new AwsClients(aws.env, ALL_CLIENTS), env: aws.env, dryRun: true });
}

const planOf = (ctx: ReturnType<typeof contextFor>) => planAccounts(ctx.aws, ctx.config.organization, ctx.log);
const orgPlanOf = (ctx: ReturnType<typeof contextFor>) => planAccounts(ctx.aws, ctx.config.organization!, ctx.log);

beforeAll(async () => {
  aws = await awsEnvFor();
  Object.assign(process.env, aws.env);
  org = await seedOrganization({ clientConfig: aws.clientConfig, members: ['Data', 'Web', 'Old'], closed: ['Old'] });
});

describe('account scopes', () => {
  it('is one unnamed account, never looked up, without an organization', async () => {
    const plan = await planOf(contextFor());
    expect(plan).toEqual({ organization: false, accounts: [{ home: true }], requests: { getCallerIdentity: 0, listAccounts: 0 } });
    expect(scopesOf(plan.accounts, ['us-east-1', 'eu-west-1'])).toEqual([
      { home: true, region: 'us-east-1' },
      { home: true, region: 'eu-west-1' },
    ]);
    // The home account is reached with the job's own credentials, never through a role.
    const ctx = contextFor();
    const access = new ScopeAccess(ctx.aws, memberRole(ctx), undefined);
    expect(access.credentials({ home: true })).toBeUndefined();
    expect(access.member({ home: true })).toBeUndefined();
  });

  it('lists every ACTIVE account with its name for "all", minus excludeAccounts', async () => {
    const [data, web] = org.members;
    const plan = await orgPlanOf(contextFor({ accounts: 'all', excludeAccounts: [web!.id] }));
    expect(plan.home).toBe(aws.account.accountId);
    const ids = plan.accounts.map((a) => a.id);
    expect(ids).toContain(aws.account.accountId);
    expect(plan.accounts).toContainEqual({ home: false, id: data!.id, name: 'Data' });
    expect(ids).not.toContain(web!.id); // excluded
    expect(ids).not.toContain(org.members[2]!.id); // closed, not ACTIVE
    expect(plan.requests).toEqual({ getCallerIdentity: 1, listAccounts: 1 });
  });

  it('keeps an explicit list in order, named from ListAccounts', async () => {
    const [data, web] = org.members;
    const plan = await orgPlanOf(contextFor({ accounts: [web!.id, data!.id, web!.id] }));
    expect(plan.accounts).toEqual([
      { home: false, id: web!.id, name: 'Web' },
      { home: false, id: data!.id, name: 'Data' },
    ]);
  });

  it('gives clients that act in the member account through the assumed role, and the home account its own', async () => {
    const data = org.members[0]!;
    const ctx = contextFor({ accounts: 'all' });
    const access = new ScopeAccess(ctx.aws, memberRole(ctx), aws.account.accountId);
    const dataAccount = { home: false as const, id: data.id, name: 'Data' };
    const member = ctx.aws.ec2('us-east-1', access.member(dataAccount));
    const created = await member.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 3 }));
    const inMember = await member.send(new DescribeVolumesCommand({ VolumeIds: [created.VolumeId!] }));
    expect(inMember.Volumes?.[0]?.Size).toBe(3);
    const home = new EC2Client(aws.clientConfig);
    const inHome = await home.send(new DescribeVolumesCommand({}));
    expect(inHome.Volumes?.map((v) => v.VolumeId)).not.toContain(created.VolumeId);
    expect(access.credentials({ home: false, id: aws.account.accountId, name: 'Home' })).toBeUndefined();
    // The same client is reused for the run.
    expect(ctx.aws.ec2('us-east-1', access.member(dataAccount))).toBe(member);
  });

  it('checks each account once and reports the ones that fail without hiding the others', async () => {
    const ctx = contextFor({ accounts: 'all', roleName: 'cost-watch-read' });
    const access = new ScopeAccess(ctx.aws, memberRole(ctx), aws.account.accountId);
    const accounts = [
      { home: false as const, id: org.members[0]!.id, name: 'Data' },
      { home: false as const, id: aws.account.accountId, name: 'Home' },
    ];
    const out = await eachAccountChecked(access, accounts, 2, async (a) => a.name);
    expect(out.errors).toEqual([]);
    expect(out.results.map((r) => r.value)).toEqual(['Data', 'Home']);
  });
});
