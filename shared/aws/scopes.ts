import { paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import type { OrganizationConfig } from '../config/schema.js';
import { mapLimit } from '../concurrency.js';
import { AwsAccessError } from '../errors.js';
import type { Logger } from '../log.js';
import { callerAccountId } from './account.js';
import { AssumedRoles } from './assume-role.js';
import type { AwsClients, MemberAccess } from './aws-clients.js';
import type { ScopeCredentials } from './clients/config.js';
import { errorMessage, isAccessDenied } from './errors.js';

/**
 * Accounts and regions are one concept: every job works over a list of
 * (account, region) scopes. A config without `organization` is a list of one
 * account, the caller's own, which is never looked up (`account: null`).
 */
export interface ScopeAccount {
  /** 12-digit id; null for the caller's own account in a single-account config. */
  readonly id: string | null;
  /** From organizations:ListAccounts when readable, else the id; null in a single-account config. */
  readonly name: string | null;
}

export interface Scope {
  readonly account: string | null;
  readonly accountName: string | null;
  readonly region: string;
}

/** An account whose role could not be assumed: reported, never fatal while another account answers. */
export interface AccountError {
  readonly account: string;
  readonly message: string;
}

export interface AccountPlan {
  /** The account the job runs in (uses its own credentials); null in a single-account config. */
  readonly home: string | null;
  readonly accounts: ScopeAccount[];
  /** AWS calls the plan made, for the benches. */
  readonly requests: { readonly getCallerIdentity: number; readonly listAccounts: number };
}

const SINGLE: AccountPlan = { home: null, accounts: [{ id: null, name: null }], requests: { getCallerIdentity: 0, listAccounts: 0 } };

/** The accounts a job covers: `organization.accounts` ("all" = every ACTIVE account) minus `excludeAccounts`. */
export async function planAccounts(aws: AwsClients, org: OrganizationConfig | undefined, log: Logger): Promise<AccountPlan> {
  if (!org) return SINGLE;
  const home = await callerAccountId(aws);
  const all = org.accounts === 'all';
  const listing = await listOrganizationAccounts(aws, all);
  const excluded = new Set(org.excludeAccounts);
  const ids = all ? listing.accounts.filter(isActive).map((a) => a.Id ?? '') : org.accounts;
  const names = new Map(listing.accounts.map((a) => [a.Id, a.Name]));
  const accounts = [...new Set(ids)].filter((id) => id && !excluded.has(id)).map((id) => ({ id, name: names.get(id) || id }));
  log.progress(`organization: ${accounts.length} account(s)${excluded.size ? `, ${excluded.size} excluded` : ''}; running in ${home}`);
  return { home, accounts, requests: { getCallerIdentity: 1, listAccounts: listing.pages } };
}

/** Every (account, region) pair, accounts in plan order. */
export function scopesOf(accounts: readonly ScopeAccount[], regions: readonly string[]): Scope[] {
  return accounts.flatMap((a) => regions.map((region) => ({ account: a.id, accountName: a.name, region })));
}

// AWS renamed Status to State in 2025; older answers (and moto) carry only Status.
const isActive = (a: Account) => (a.State ?? a.Status) === 'ACTIVE';

async function listOrganizationAccounts(aws: AwsClients, required: boolean): Promise<{ accounts: Account[]; pages: number }> {
  const accounts: Account[] = [];
  let pages = 0;
  try {
    for await (const page of paginateListAccounts({ client: aws.organizations() }, {})) {
      pages++;
      accounts.push(...(page.Accounts ?? []));
    }
  } catch (err) {
    if (!required) return { accounts: [], pages }; // names are a nicety when the ids are listed in config
    const why =
      isAccessDenied(err) || (err as Error)?.name === 'AWSOrganizationsNotInUseException'
        ? "was denied or the account is not the organization's management or delegated administrator account"
        : 'failed';
    throw new AwsAccessError(
      `Organizations ListAccounts ${why} (${errorMessage(err)}): organization.accounts "all" needs organizations:ListAccounts from the management or a delegated administrator account; or list the account ids in organization.accounts`,
      'Organizations ListAccounts',
      { cause: err },
    );
  }
  return { accounts, pages };
}

const roles = new WeakMap<AwsClients, AssumedRoles>();

/** How member accounts are reached: the role name, and the region the job runs in (for the partition). */
export interface MemberRoleOptions {
  readonly roleName: string;
  readonly region: string;
}

/**
 * Clients for scopes: the home account (and a single-account config) with the
 * job's own credentials, every other account through its assumed role, one
 * client per (service, account, region), reused for the run.
 */
export class ScopeAccess {
  constructor(
    readonly aws: AwsClients,
    private readonly role: MemberRoleOptions,
    private readonly home: string | null,
  ) {}

  credentials(account: string | null): ScopeCredentials | undefined {
    if (account === null || account === this.home) return undefined;
    let assumed = roles.get(this.aws);
    if (!assumed) {
      const region = this.role.region;
      assumed = new AssumedRoles({
        sts: () => this.aws.sts(),
        roleName: this.role.roleName,
        partition: region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws',
      });
      roles.set(this.aws, assumed);
    }
    return assumed.provider(account);
  }

  /** One AssumeRole for the account (cached), so a role that cannot be assumed is one account error before any region is scanned. */
  async check(account: string | null): Promise<void> {
    const provider = this.credentials(account);
    if (provider) await provider();
  }

  /** What AwsClients takes for a member account; undefined for the home account (the job's own credentials). */
  member(account: string | null): MemberAccess | undefined {
    const credentials = this.credentials(account);
    return credentials && account !== null ? { account, credentials } : undefined;
  }
}

/**
 * Runs `fn` for every account, at most `concurrency` at once, with its access
 * checked first (one AssumeRole): an account that fails lands in `errors` and
 * never hides what the others found.
 */
export async function eachAccountChecked<T>(
  access: ScopeAccess,
  accounts: readonly ScopeAccount[],
  concurrency: number,
  fn: (account: ScopeAccount) => Promise<T>,
): Promise<{ results: Array<{ account: ScopeAccount; value: T }>; errors: AccountError[] }> {
  type Outcome = { account: ScopeAccount; ok: true; value: T } | { account: ScopeAccount; ok: false; message: string };
  const outcomes = await mapLimit(accounts, concurrency, async (account): Promise<Outcome> => {
    try {
      await access.check(account.id);
    } catch (err) {
      return { account, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    return { account, ok: true, value: await fn(account) };
  });
  const results: Array<{ account: ScopeAccount; value: T }> = [];
  const errors: AccountError[] = [];
  for (const o of outcomes) {
    if (o.ok) results.push({ account: o.account, value: o.value });
    else errors.push({ account: o.account.id ?? 'self', message: o.message });
  }
  return { results, errors };
}
