import { callerAccountId } from '../aws/account.js';
import { AssumedRoles } from '../aws/assume-role.js';
import type { AwsClients, MemberAccess } from '../aws/aws-clients.js';
import { defaultRegion } from '../aws/clients/config.js';
import { enabledRegions } from '../aws/regions.js';
import type { CostWatchConfig } from '../config/schema.js';
import type { ActionRecord } from '../detect/actions/types.js';
import type { ActionTarget } from './types.js';

/**
 * The deployed stack sets it: the role in the job's own account that holds the permissions to act. The job
 * and endpoint roles stay read-only and assume it. Unset (a local run), actions use the caller's credentials.
 */
export const ACTIONS_ROLE_ENV = 'COST_WATCH_ACTIONS_ROLE_ARN';

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(.+)$/;

/** One AssumedRoles per (clients, role): the actions role is never confused with the read role. */
const assumed = new WeakMap<AwsClients, Map<string, AssumedRoles>>();
function rolesFor(aws: AwsClients, roleName: string, partition: string): AssumedRoles {
  let byRole = assumed.get(aws);
  if (!byRole) assumed.set(aws, (byRole = new Map()));
  let roles = byRole.get(`${partition}:${roleName}`);
  if (!roles)
    byRole.set(
      `${partition}:${roleName}`,
      (roles = new AssumedRoles({ sts: () => aws.sts(), roleName, partition, sessionName: 'cost-watch-act' })),
    );
  return roles;
}

const partitionOf = (region: string) => (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');

/** How budget actions reach each account: the home account's actions role (or own credentials), members' `actionsRoleName`. */
export class ActionsAccess {
  private home: Promise<string> | undefined;

  constructor(
    private readonly aws: AwsClients,
    private readonly config: CostWatchConfig,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get homeRegion(): string {
    return defaultRegion(this.env);
  }

  /** The home account through COST_WATCH_ACTIONS_ROLE_ARN; undefined (own credentials) without it. */
  homeAccess(): MemberAccess | undefined {
    const arn = this.env[ACTIONS_ROLE_ENV];
    const m = arn ? ROLE_ARN.exec(arn) : null;
    if (!arn) return undefined;
    if (!m)
      throw new Error(`${ACTIONS_ROLE_ENV}: expected an IAM role ARN such as arn:aws:iam::123456789012:role/cost-watch-act, got "${arn}"`);
    const [, partition, account, roleName] = m as unknown as [string, string, string, string];
    return { account, credentials: rolesFor(this.aws, roleName, partition).provider(account), role: roleName };
  }

  /** A member account through `organization.actionsRoleName`; the home account as homeAccess. */
  async accountAccess(account: string | null): Promise<MemberAccess | undefined> {
    const org = this.config.organization;
    if (!org || account === null || account === (await this.homeId())) return this.homeAccess();
    const roleName = org.actionsRoleName;
    return { account, credentials: rolesFor(this.aws, roleName, partitionOf(this.homeRegion)).provider(account), role: roleName };
  }

  async homeId(): Promise<string | undefined> {
    if (!this.config.organization) return undefined;
    this.home ??= callerAccountId(this.aws, 'to find the management account budget actions act from');
    return this.home;
  }

  /** Where a record acts: its account, every configured region (`idle.regions`, "all" read in that account). */
  async target(record: Pick<ActionRecord, 'id' | 'account' | 'accountId'>): Promise<ActionTarget> {
    const access = await this.accountAccess(record.account);
    const regions = this.config.idle.regions;
    const homeAccountId = await this.homeId();
    return {
      recordId: record.id,
      accountId: record.accountId,
      access,
      regions: regions === 'all' ? await enabledRegions(this.aws.ec2(this.homeRegion, access), this.homeRegion) : regions,
      homeRegion: this.homeRegion,
      organization: this.config.organization !== undefined,
      ...(homeAccountId ? { homeAccountId } : {}),
      homeAccess: this.homeAccess(),
    };
  }
}
