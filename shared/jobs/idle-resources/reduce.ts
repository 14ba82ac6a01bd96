import { PutObjectCommand } from '@aws-sdk/client-s3';
import { explainAwsError } from '../../aws/errors.js';
import type { RegionError } from '../../aws/regions.js';
import type { AccountError } from '../../aws/scopes.js';
import { AwsAccessError } from '../../errors.js';
import type { Delivery } from '../../alerts/alert.js';
import { PRICE_TABLE } from '../../pricing/index.js';
import type { IsoDate } from '../../time/dates.js';
import { legacyCounts, mergeScopeScans, type LegacyCounts, type WasteTotals } from '../../waste/index.js';
import type { JobContext } from '../common/context.js';
import { dispatchIdleAlerts } from './alerts.js';
import { ownershipFacts } from './ownership.js';
import type { RealizedSavings, Unassigned } from '../../detect/ownership/types.js';
import type { IdlePlan } from './plan.js';
import type { ScanOutcome } from './scan.js';

/** `idleInstances` and `unattachedVolumes`: part 1's counts (shared/waste/legacy.ts). */
export interface RegionSummary extends LegacyCounts {
  readonly account?: string;
  readonly region: string;
  readonly runningInstances: number;
  readonly exempt: number;
  readonly noData: number;
  /** Findings of every rule in the pair. */
  readonly findings: number;
}

/** A pair that could not be scanned; `account` in an organization. */
export type ScopeError = RegionError & { readonly account?: string };

export interface IdleResourcesResult extends WasteTotals {
  readonly job: 'idle-resources';
  readonly date: IsoDate;
  readonly weekStart: IsoDate;
  readonly window: { readonly start: string; readonly end: string };
  readonly currency: 'USD';
  /** Every region the run set out to scan; pairs that failed are also in regionErrors. */
  readonly regions: string[];
  /** Accounts covered (organization only; omitted in a single-account config). */
  readonly accounts?: Array<{ id: string; name: string }>;
  readonly accountErrors: AccountError[];
  readonly regionErrors: ScopeError[];
  readonly byRegion: RegionSummary[];
  readonly priceTable: { readonly source: string; readonly asOf: string };
  /** Where the full findings were written; null when not written (no report.bucket, or --dry-run). */
  readonly findingsObject: { readonly bucket: string; readonly key: string } | null;
  readonly requests: Record<string, number>;
  /** Resources missing an `ownership.tags` key, and the last 7 days' spend without the first key. */
  readonly unassigned: Unassigned;
  /** Findings of the previous run (the newest findings file dated before this run) that are gone now. */
  readonly realizedSavings: RealizedSavings;
  readonly deliveries: Delivery[];
}

export const findingsKey = (date: IsoDate) => `findings/idle-resources/${date}.json`;

/**
 * Step 3 of 3: merges every pair's outcome, writes the findings JSON, and
 * dispatches the alerts once for the whole run. Exits 1 (throws) only when no
 * pair at all could be scanned.
 */
export async function reduceIdleScan(ctx: JobContext, plan: IdlePlan, outcomes: readonly ScanOutcome[]): Promise<IdleResourcesResult> {
  const scanned = outcomes.flatMap((o) => (o.ok ? [o] : []));
  const regionErrors: ScopeError[] = outcomes.flatMap((o) =>
    o.ok ? [] : [{ ...(o.scope.home ? {} : { account: o.scope.id }), region: o.scope.region, message: o.message }],
  );
  for (const e of regionErrors) ctx.log.warn(`idle-resources: ${e.account ? `${e.account} ` : ''}${e.region} not scanned: ${e.message}`);
  const wanted = plan.regions.length * plan.accounts.length;
  if (wanted > 0 && scanned.length === 0) {
    const why = [
      ...plan.accountErrors.map((e) => `account ${e.account}: ${e.message}`),
      ...regionErrors.map((e) => `${e.account ? `${e.account} ` : ''}${e.region}: ${e.message}`),
    ];
    const what = plan.home === null ? 'every region failed' : 'no account-region pair could be scanned';
    throw new AwsAccessError(`idle-resources: ${what}: ${why.join('; ')}`, 'idle-resources scan');
  }

  const totals = mergeScopeScans(scanned.map((o) => o.scan));
  const requests: Record<string, number> = { ...plan.requests };
  for (const [k, n] of Object.entries(totals.requests)) requests[k] = (requests[k] ?? 0) + n;
  const byRegion = scanned.map(({ scope, scan: s }): RegionSummary => ({
    ...(scope.home ? {} : { account: scope.id }),
    region: scope.region,
    runningInstances: s.runningInstances,
    exempt: s.exempt,
    noData: s.noData,
    ...legacyCounts(s.findings),
    findings: s.findings.length,
  }));
  const ownership = await ownershipFacts(ctx, plan, scanned, totals);
  requests.getCostAndUsage = (requests.getCostAndUsage ?? 0) + ownership.getCostAndUsage;
  for (const e of totals.ruleErrors)
    ctx.log.warn(`idle-resources: ${e.account ? `${e.account} ` : ''}${e.region}: rule ${e.rule} not checked: ${e.message}`);
  const organization = plan.home !== null;
  const base = {
    job: 'idle-resources' as const,
    date: plan.date,
    weekStart: plan.weekStart,
    window: plan.window,
    currency: 'USD' as const,
    regions: plan.regions,
    ...(organization ? { accounts: plan.accounts.flatMap((a) => (a.home ? [] : [{ id: a.id, name: a.name }])) } : {}),
    accountErrors: plan.accountErrors,
    regionErrors,
    byRegion,
    ...totals,
    priceTable: { source: PRICE_TABLE.source, asOf: PRICE_TABLE.asOf },
    requests,
    unassigned: ownership.unassigned,
    realizedSavings: ownership.realizedSavings,
  };
  ctx.log.progress(
    `idle-resources: scanned ${scanned.length}/${outcomes.length + plan.accountErrors.length * plan.regions.length} ` +
      `account-regions; ${plan.accountErrors.length} account(s) not reachable`,
  );
  // Written before sending: if the write fails the run fails with nothing sent, and the retry does both.
  const findingsObject = await writeFindings(ctx, plan.date, { ...base, generatedAt: ctx.now.toISOString() });
  const deliveries = await dispatchIdleAlerts(ctx, base);
  return { ...base, findingsObject, deliveries };
}

async function writeFindings(ctx: JobContext, date: IsoDate, findings: unknown): Promise<IdleResourcesResult['findingsObject']> {
  const bucket = ctx.config.report.bucket;
  if (!bucket) {
    ctx.log.warn('no report.bucket in config: the findings JSON is not written (the monthly report will not see this run)');
    return null;
  }
  if (ctx.dryRun) return null;
  const key = findingsKey(date);
  await ctx.aws
    .s3()
    .send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: JSON.stringify(findings, null, 2),
        ContentType: 'application/json',
        ServerSideEncryption: 'AES256',
      }),
    )
    .catch((err: unknown) => {
      throw explainAwsError(err, `S3 PutObject s3://${bucket}/${key}`, 's3:PutObject');
    });
  return { bucket, key };
}
