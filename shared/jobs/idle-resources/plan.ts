import { defaultRegion } from '../../aws/clients.js';
import { assertKnownRegions, enabledRegions } from '../../aws/regions.js';
import { eachAccountChecked, homeIdOf, scopesOf, type AccountError, type Scope, type ScopeAccount } from '../../aws/scopes.js';
import { addDays, today, weekStart, type IsoDate } from '../../time/dates.js';
import { jobAccounts } from '../common/accounts.js';
import type { JobContext } from '../common/context.js';

/**
 * Step 1 of 3 of the idle scan (plan -> scan per (account, region) -> reduce):
 * which pairs to scan. The same function runs in the CLI and in the plan
 * Lambda of the Step Functions state machine.
 */
export interface IdlePlan {
  readonly date: IsoDate;
  readonly weekStart: IsoDate;
  /** The CPU/metric window: `lookbackDays` whole UTC days ending at the run date. */
  readonly window: { readonly start: string; readonly end: string };
  /** The id of the organization account the job runs in; null in a single-account config (never looked up). */
  readonly home: string | null;
  readonly regions: string[];
  readonly accounts: ScopeAccount[];
  /** Accounts whose role could not be assumed: not scanned, reported. */
  readonly accountErrors: AccountError[];
  /** Every (account, region) pair to scan, accounts whose role was assumed only. */
  readonly items: Scope[];
  /** AWS calls the plan made. */
  readonly requests: { getCallerIdentity: number; listAccounts: number; assumeRole: number; describeRegions: number };
}

/** What one scan (one Lambda invocation, or one slot of the local pool) gets. */
export interface ScanTask {
  readonly scope: Scope;
  readonly home: string | null;
  readonly date: IsoDate;
}

export interface IdlePlanOptions {
  /** The run date: the lookback window ends at its start (00:00 UTC). @default today, UTC */
  readonly date?: IsoDate;
}

export function idleWindow(date: IsoDate, lookbackDays: number): { start: Date; end: Date } {
  return { start: new Date(`${addDays(date, -lookbackDays)}T00:00:00Z`), end: new Date(`${date}T00:00:00Z`) };
}

/** Pairs scanned at once: `organization.concurrency` for an organization, else `idle.concurrency`. */
export const scanConcurrency = (ctx: Pick<JobContext, 'config'>) => ctx.config.organization?.concurrency ?? ctx.config.idle.concurrency;

export async function planIdleScan(ctx: JobContext, options: IdlePlanOptions = {}): Promise<IdlePlan> {
  const idle = ctx.config.idle;
  // Before any AWS call: a typo in config is exit 2 with nothing scanned, sent or written.
  if (idle.regions !== 'all') assertKnownRegions(idle.regions);
  const date = options.date ?? today(ctx.now);
  const window = idleWindow(date, idle.lookbackDays);
  const { plan: accountPlan, access } = await jobAccounts(ctx);

  // "all" regions is resolved once, in the home account: one DescribeRegions per run, not per account.
  let regions: string[];
  if (idle.regions === 'all') {
    const home = defaultRegion(ctx.env);
    regions = await enabledRegions(ctx.aws.ec2(home), home);
    ctx.log.progress(`idle-resources: "all" regions resolved to ${regions.length}: ${regions.join(', ')}`);
  } else regions = [...new Set(idle.regions)];

  // One AssumeRole per member account, before any region: a role that is missing is one account error, not 17 region errors.
  const checked = await eachAccountChecked<ScopeAccount, undefined>(
    access,
    accountPlan.accounts,
    scanConcurrency(ctx),
    async () => undefined,
  );
  for (const e of checked.errors) ctx.log.warn(`idle-resources: account ${e.account} not scanned: ${e.message}`);
  const usable = checked.results.map((r) => r.account);
  const home = homeIdOf(accountPlan);
  const members = accountPlan.accounts.filter((a) => !a.home && a.id !== home).length;

  return {
    date,
    weekStart: weekStart(date),
    window: { start: window.start.toISOString(), end: window.end.toISOString() },
    home: home ?? null,
    regions,
    accounts: accountPlan.accounts,
    accountErrors: checked.errors,
    items: scopesOf(usable, regions),
    requests: { ...accountPlan.requests, assumeRole: members, describeRegions: idle.regions === 'all' ? 1 : 0 },
  };
}

/** The plan's items as scan tasks (the state machine does the same with its ItemSelector). */
export const scanTasks = (plan: IdlePlan): ScanTask[] => plan.items.map((scope) => ({ scope, home: plan.home, date: plan.date }));
