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
 * account, the caller's own, which is never looked up: `{ home: true }`, with
 * no id and no name. In an organization every account is listed by id
 * (`home: false`), the one the job runs in included (AccountPlan.home).
 */
export type ScopeAccount = HomeAccount | OrgAccount;

/** The caller's own account in a single-account config: its own credentials, never looked up. */
export interface HomeAccount {
  readonly home: true;
}

/** An account of the organization. */
export interface OrgAccount {
  readonly home: false;
  /** 12-digit id. */
  readonly id: string;
  /** From organizations:ListAccounts when readable, else the id. */
  readonly name: string;
}

/** One (account, region) pair. */
export type Scope = ScopeAccount & { readonly region: string };

/** The HomeAccount of a single-account config. */
const HOME: HomeAccount = { home: true };

/** The account id results carry: null for the home account of a single-account config. */
export const accountIdOf = (a: ScopeAccount): string | null => (a.home ? null : a.id);

/** An account whose role could not be assumed: reported, never fatal while another account answers. */
export interface AccountError {
  readonly account: string;
  readonly message: string;
}

/** The accounts of a run: the one home account of a single-account config, or the organization's chosen accounts. */
export type AccountPlan = SingleAccountPlan | OrganizationPlan;

interface PlanRequests {
  /** AWS calls the plan made, for the benches. */
  readonly requests: { readonly getCallerIdentity: number; readonly listAccounts: number };
}

export interface SingleAccountPlan extends PlanRequests {
  readonly organization: false;
  readonly accounts: [HomeAccount];
}

export interface OrganizationPlan extends PlanRequests {
  readonly organization: true;
  /** The id of the account the job runs in (it uses its own credentials there). */
  readonly home: string;
  readonly accounts: OrgAccount[];
}

const SINGLE: SingleAccountPlan = { organization: false, accounts: [HOME], requests: { getCallerIdentity: 0, listAccounts: 0 } };

/** The id of the account the job runs in, when the plan looked it up (an organization). */
export const homeIdOf = (plan: AccountPlan): string | undefined => (plan.organization ? plan.home : undefined);

/** The accounts a job covers: `organization.accounts` ("all" = every ACTIVE account) minus `excludeAccounts`. */
export async function planAccounts(aws: AwsClients, org: OrganizationConfig, log: Logger): Promise<OrganizationPlan>;
export async function planAccounts(aws: AwsClients, org: OrganizationConfig | undefined, log: Logger): Promise<AccountPlan>;
export async function planAccounts(aws: AwsClients, org: OrganizationConfig | undefined, log: Logger): Promise<AccountPlan> {
  if (!org) return SINGLE;
  const home = await callerAccountId(aws);
  const all = org.accounts === 'all';
  const listing = await listOrganizationAccounts(aws, all);
  const excluded = new Set(org.excludeAccounts);
  const ids = all ? listing.accounts.filter(isActive).map((a) => a.Id ?? '') : org.accounts;
  const names = new Map(listing.accounts.map((a) => [a.Id, a.Name]));
  const accounts = [...new Set(ids)]
    .filter((id) => id && !excluded.has(id))
    .map((id): OrgAccount => ({ home: false, id, name: names.get(id) || id }));
  log.progress(`organization: ${accounts.length} account(s)${excluded.size ? `, ${excluded.size} excluded` : ''}; running in ${home}`);
  return { organization: true, home, accounts, requests: { getCallerIdentity: 1, listAccounts: listing.pages } };
}

/** Every (account, region) pair, accounts in plan order. */
export function scopesOf(accounts: readonly ScopeAccount[], regions: readonly string[]): Scope[] {
  return accounts.flatMap((a) => regions.map((region): Scope => ({ ...a, region })));
}

const LIST_ACCOUNTS_HINT =
  'organization.accounts "all" needs organizations:ListAccounts from the management or a delegated administrator account; ' +
  'or list the account ids in organization.accounts';

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
      `Organizations ListAccounts ${why} (${errorMessage(err)}): ${LIST_ACCOUNTS_HINT}`,
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
  /** `home`: the id of the organization account the job runs in (homeIdOf); undefined in a single-account config. */
  constructor(
    readonly aws: AwsClients,
    private readonly role: MemberRoleOptions,
    private readonly home: string | undefined,
  ) {}

  credentials(account: ScopeAccount): ScopeCredentials | undefined {
    if (account.home || account.id === this.home) return undefined;
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
    return assumed.provider(account.id);
  }

  /** One AssumeRole for the account (cached), so a role that cannot be assumed is one account error before any region is scanned. */
  async check(account: ScopeAccount): Promise<void> {
    const provider = this.credentials(account);
    if (provider) await provider();
  }

  /** What AwsClients takes for a member account; undefined for the home account (the job's own credentials). */
  member(account: ScopeAccount): MemberAccess | undefined {
    const credentials = this.credentials(account);
    return credentials && !account.home ? { account: account.id, credentials } : undefined;
  }
}

/**
 * Runs `fn` for every account, at most `concurrency` at once, with its access
 * checked first (one AssumeRole): an account that fails lands in `errors` and
 * never hides what the others found.
 */
export async function eachAccountChecked<A extends ScopeAccount, T>(
  access: ScopeAccess,
  accounts: readonly A[],
  concurrency: number,
  fn: (account: A) => Promise<T>,
): Promise<{ results: Array<{ account: A; value: T }>; errors: AccountError[] }> {
  type Outcome = { account: A; ok: true; value: T } | { account: A; ok: false; message: string };
  const outcomes = await mapLimit(accounts, concurrency, async (account): Promise<Outcome> => {
    try {
      await access.check(account);
    } catch (err) {
      return { account, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    return { account, ok: true, value: await fn(account) };
  });
  const results: Array<{ account: A; value: T }> = [];
  const errors: AccountError[] = [];
  for (const o of outcomes) {
    if (o.ok) results.push({ account: o.account, value: o.value });
    else errors.push({ account: o.account.home ? 'self' : o.account.id, message: o.message });
  }
  return { results, errors };
}
