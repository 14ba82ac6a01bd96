import type { Expression } from '@aws-sdk/client-cost-explorer';
import { EXCLUDE_CREDITS, queryCosts, requestsBeforeFailure } from '../../aws/cost-explorer.js';
import { errorMessage } from '../../aws/errors.js';
import { accountIdOf } from '../../aws/scopes.js';
import { monthlyOf, resolvedFindings, type ComparedFinding, type ScannedScope } from '../../detect/ownership/realized.js';
import type { OwnershipScopeError, RealizedSavings, Unassigned, UnassignedResource, UntaggedSpend } from '../../detect/ownership/types.js';
import { untaggedSpendOf } from '../../detect/ownership/untagged-spend.js';
import { readFindingsBefore } from '../../report/storage.js';
import { addDays } from '../../time/dates.js';
import { ruleOfReportItem } from '../../waste/legacy.js';
import type { WasteTotals } from '../../waste/index.js';
import type { JobContext } from '../common/context.js';
import type { IdlePlan } from './plan.js';
import type { ScanOutcome } from './scan.js';

type Scanned = Extract<ScanOutcome, { ok: true }>;

export interface OwnershipFacts {
  readonly unassigned: Unassigned;
  readonly realizedSavings: RealizedSavings;
  /** Cost Explorer requests made (one per run, pages aside). */
  readonly getCostAndUsage: number;
}

/**
 * The digest's run-wide facts, in the reduce step: the scopes' unassigned
 * resources merged, the untagged spend (one Cost Explorer request for the
 * whole run) and the findings resolved since the previous run's file.
 */
export async function ownershipFacts(ctx: JobContext, plan: IdlePlan, scanned: readonly Scanned[], totals: WasteTotals) {
  const [spend, realizedSavings] = await Promise.all([untaggedSpend(ctx, plan), realized(ctx, plan, scanned, totals)]);
  const { resources, scopeErrors } = unassignedOf(scanned);
  for (const e of scopeErrors)
    ctx.log.warn(`idle-resources: ${e.account ? `${e.account} ` : ''}${e.region}: unassigned resources not listed: ${e.message}`);
  const unassigned: Unassigned = { tags: ctx.config.ownership.tags, resources, spend: spend.spend, scopeErrors };
  return { unassigned, realizedSavings, getCostAndUsage: spend.requests };
}

function unassignedOf(scanned: readonly Scanned[]): { resources: UnassignedResource[]; scopeErrors: OwnershipScopeError[] } {
  const byArn = new Map<string, UnassignedResource>();
  const scopeErrors: OwnershipScopeError[] = [];
  for (const { scope, scan } of scanned) {
    const o = scan.ownership;
    if (o && !o.ok) scopeErrors.push({ ...(scope.home ? {} : { account: scope.id }), region: scope.region, message: o.message });
    // A global resource (an S3 bucket) may be listed in every region: once per account.
    if (o?.ok) for (const r of o.resources) if (!byArn.has(`${r.account}|${r.arn}`)) byArn.set(`${r.account}|${r.arn}`, r);
  }
  const order = (r: UnassignedResource) => `${r.account ?? ''}|${r.region}|${r.arn}`;
  return { resources: [...byArn.values()].sort((a, b) => order(a).localeCompare(order(b))), scopeErrors };
}

/** The chosen accounts as a LINKED_ACCOUNT filter: those listed, or for "all" every one but the excluded. */
function accountFilter(ctx: JobContext, plan: IdlePlan): Expression | undefined {
  const org = ctx.config.organization;
  if (!org) return undefined;
  if (org.accounts !== 'all')
    return { Dimensions: { Key: 'LINKED_ACCOUNT', Values: plan.accounts.flatMap((a) => (a.home ? [] : [a.id])) } };
  return org.excludeAccounts.length ? { Not: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: [...org.excludeAccounts] } } } : undefined;
}

/** One GetCostAndUsage over the 7 days ending on the run date, grouped by the first ownership key (and by account in an organization). */
async function untaggedSpend(ctx: JobContext, plan: IdlePlan): Promise<{ spend: UntaggedSpend; requests: number }> {
  const tagKey = ctx.config.ownership.tags[0]!;
  const window = { start: addDays(plan.date, -6), end: plan.date };
  const accounts = ctx.config.organization ? plan.accounts.flatMap((a) => (a.home ? [] : [a.id])) : undefined;
  const filter = accountFilter(ctx, plan);
  try {
    const r = await queryCosts(ctx.aws.costExplorer(), {
      start: window.start,
      endExclusive: addDays(plan.date, 1),
      granularity: 'MONTHLY',
      metric: ctx.config.dailySpend.metric,
      filter: filter ? { And: [EXCLUDE_CREDITS, filter] } : EXCLUDE_CREDITS,
      groupBy: [{ Type: 'TAG', Key: tagKey }, ...(accounts ? [{ Type: 'DIMENSION' as const, Key: 'LINKED_ACCOUNT' as const }] : [])],
    });
    const spend = untaggedSpendOf(r.buckets, tagKey, window, accounts);
    if (spend.message) ctx.log.warn(`idle-resources: untagged spend: ${spend.message}`);
    return { spend, requests: r.requests };
  } catch (err) {
    const message = `untagged spend not known: ${errorMessage(err)}`;
    ctx.log.warn(`idle-resources: ${message}`);
    return {
      spend: { tagKey, window, amount: null, sharePct: null, total: null, activated: null, message },
      requests: requestsBeforeFailure(err),
    };
  }
}

/** The scopes this run can vouch for: scanned, their ownership listing made, and the rules that ran there. */
function scannedScopes(scanned: readonly Scanned[]): ScannedScope[] {
  return scanned
    .filter(({ scan }) => scan.ownership?.ok !== false)
    .map(({ scope, scan }) => ({
      account: accountIdOf(scope),
      region: scope.region,
      rules: scan.byRule.map((r) => r.rule),
      stillPaidIds: [...(scan.exemptIds ?? []), ...(scan.coveredIds ?? [])],
    }));
}

async function realized(ctx: JobContext, plan: IdlePlan, scanned: readonly Scanned[], totals: WasteTotals): Promise<RealizedSavings> {
  const none = (message?: string): RealizedSavings => ({ resolved: [], monthly: 0, previousRun: null, ...(message ? { message } : {}) });
  const bucket = ctx.config.report.bucket;
  if (!bucket) return none('no report.bucket in config: no previous findings to compare with');
  let previous;
  try {
    previous = await readFindingsBefore(ctx.aws.s3(), bucket, plan.date);
  } catch (err) {
    const message = `the previous findings could not be read: ${errorMessage(err)}`;
    ctx.log.warn(`idle-resources: realized savings: ${message}`);
    return none(message);
  }
  if (!previous) return none();
  const before: ComparedFinding[] = previous.items.map((i) => ({
    rule: ruleOfReportItem(i),
    account: i.account ?? null,
    region: i.region,
    id: i.id,
    estimatedMonthlyCost: i.estimatedMonthlyCost,
    ...(i.tags ? { tags: i.tags } : {}),
  }));
  const resolved = resolvedFindings(before, totals.findings, scannedScopes(scanned));
  return { resolved, monthly: monthlyOf(resolved), previousRun: { date: previous.asOf, key: previous.key } };
}
