import { PutObjectCommand } from '@aws-sdk/client-s3';
import { cloudWatchClient, defaultRegion, ec2Client, s3Client } from '../aws/clients.js';
import { averageCpu } from '../aws/cpu-metrics.js';
import { listAvailableVolumes, listRunningInstances } from '../aws/ec2.js';
import { errorMessage, explainAwsError } from '../aws/errors.js';
import { assertKnownRegions, enabledRegions, forEachRegion, type RegionError } from '../aws/regions.js';
import { combineRegions, evaluateRegion, isExempt, type IdleTotals, type RegionFindings } from '../detect/idle.js';
import { AwsAccessError } from '../errors.js';
import { idleSlackMessage, idleSnsMessage, type IdleAlert, type IdleMessageContext } from '../messages/idle-resources.js';
import { formatMoney } from '../money.js';
import { dispatch } from '../notify/dispatch.js';
import { alertChannels } from '../notify/routing.js';
import type { AlertSubject, Delivery } from '../notify/types.js';
import { PRICE_TABLE } from '../pricing/index.js';
import { addDays, today, weekStart, type IsoDate } from '../time/dates.js';
import type { JobContext } from './context.js';
import type { JobDefinition } from './types.js';

export interface IdleResourcesOptions {
  /** The run date: the lookback window ends at its start (00:00 UTC). @default today, UTC */
  readonly date?: IsoDate;
}

export interface RegionSummary {
  readonly region: string;
  readonly runningInstances: number;
  readonly exempt: number;
  readonly noData: number;
  readonly idleInstances: number;
  readonly unattachedVolumes: number;
}

export interface IdleResourcesResult extends Omit<IdleTotals, 'runningInstances'> {
  readonly job: 'idle-resources';
  readonly date: IsoDate;
  readonly weekStart: IsoDate;
  readonly window: { readonly start: string; readonly end: string };
  readonly currency: 'USD';
  /** Every region the run set out to scan; those that failed are also in regionErrors. */
  readonly regions: string[];
  readonly regionErrors: RegionError[];
  readonly byRegion: RegionSummary[];
  readonly runningInstances: number;
  readonly priceTable: { readonly source: string; readonly asOf: string };
  /** Where the full findings were written; null when not written (no report.bucket, or --dry-run). */
  readonly findingsObject: { readonly bucket: string; readonly key: string } | null;
  readonly requests: { describeInstances: number; describeVolumes: number; getMetricData: number };
  readonly deliveries: Delivery[];
}

/** One alert per resource per ISO week: a re-run that week sends nothing new, new waste found later in the week does go out. */
export const idleAlertId = (kind: 'instance' | 'volume', region: string, id: string, week: IsoDate) =>
  `idle-resources|${kind}|${region}:${id}|${week}|warning`;

/** What a mute of this finding matches: the resource, whatever the week. */
export const idleSubject = (kind: 'instance' | 'volume', id: string): AlertSubject => ({ job: 'idle-resources', scope: kind, key: id, account: null });

export const findingsKey = (date: IsoDate) => `findings/idle-resources/${date}.json`;

interface RegionScanResult {
  readonly findings: RegionFindings;
  readonly requests: IdleResourcesResult['requests'];
}

async function scanRegion(ctx: JobContext, region: string, window: { start: Date; end: Date }): Promise<RegionScanResult> {
  const rules = ctx.config.idle;
  const ec2 = ctx.aws.get(`ec2:${region}`, () => ec2Client(region));
  const cw = ctx.aws.get(`cloudwatch:${region}`, () => cloudWatchClient(region));
  const [instances, volumes] = await Promise.all([listRunningInstances(ec2, region), listAvailableVolumes(ec2, region)]);
  // Exempt instances are never queried: their CPU cannot change the answer.
  const candidates = instances.items.filter((i) => !isExempt(i.tags, rules.exemptTag)).map((i) => i.id);
  const cpu = await averageCpu(cw, region, candidates, window);
  const findings = evaluateRegion({ region, instances: instances.items, cpu: cpu.byInstance, volumes: volumes.items }, rules);
  ctx.log.progress(
    `idle-resources: ${region}: ${findings.runningInstances} running, ${findings.idleInstances.length} idle, ${findings.noData} without CPU data, ${findings.unattachedVolumes.length} unattached volumes`,
  );
  return { findings, requests: { describeInstances: instances.pages, describeVolumes: volumes.pages, getMetricData: cpu.requests } };
}

async function resolveRegions(ctx: JobContext): Promise<string[]> {
  const asked = ctx.config.idle.regions;
  if (asked !== 'all') return [...new Set(asked)];
  const home = defaultRegion(ctx.env);
  const regions = await enabledRegions(ctx.aws.get(`ec2:${home}`, () => ec2Client(home)), home);
  ctx.log.progress(`idle-resources: "all" regions resolved to ${regions.length}: ${regions.join(', ')}`);
  return regions;
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
    .get('s3', () => s3Client(defaultRegion(ctx.env), ctx.env))
    .send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(findings, null, 2), ContentType: 'application/json', ServerSideEncryption: 'AES256' }))
    .catch((err: unknown) => {
      throw explainAwsError(err, `S3 PutObject s3://${bucket}/${key}`, 's3:PutObject');
    });
  return { bucket, key };
}

export async function runIdleResources(ctx: JobContext, options: IdleResourcesOptions = {}): Promise<IdleResourcesResult> {
  const rules = ctx.config.idle;
  // Before any AWS call: a typo in config is exit 2 with nothing scanned, sent or written.
  if (rules.regions !== 'all') assertKnownRegions(rules.regions);
  const date = options.date ?? today(ctx.now);
  const week = weekStart(date);
  const window = { start: new Date(`${addDays(date, -rules.lookbackDays)}T00:00:00Z`), end: new Date(`${date}T00:00:00Z`) };
  const regions = await resolveRegions(ctx);

  ctx.log.progress(`idle-resources: scanning ${regions.length} region(s), ${rules.concurrency} at a time, CPU ${window.start.toISOString().slice(0, 10)} … ${date}`);
  const scan = await forEachRegion(regions, rules.concurrency, (region) => scanRegion(ctx, region, window), errorMessage);
  for (const e of scan.errors) ctx.log.warn(`idle-resources: ${e.region} not scanned: ${e.message}`);
  if (regions.length && !scan.results.length)
    throw new AwsAccessError(`idle-resources: every region failed: ${scan.errors.map((e) => `${e.region}: ${e.message}`).join('; ')}`, 'idle-resources scan');

  const totals = combineRegions(scan.results.map((r) => r.value.findings));
  const requests = { describeInstances: 0, describeVolumes: 0, getMetricData: 0 };
  for (const { value } of scan.results) for (const k of Object.keys(requests) as Array<keyof typeof requests>) requests[k] += value.requests[k];
  const byRegion = scan.results.map(({ value: { findings: f } }) => ({
    region: f.region,
    runningInstances: f.runningInstances,
    exempt: f.exempt,
    noData: f.noData,
    idleInstances: f.idleInstances.length,
    unattachedVolumes: f.unattachedVolumes.length,
  }));
  const base = {
    job: 'idle-resources' as const,
    date,
    weekStart: week,
    window: { start: window.start.toISOString(), end: window.end.toISOString() },
    currency: 'USD' as const,
    regions,
    regionErrors: scan.errors,
    byRegion,
    ...totals,
    priceTable: { source: PRICE_TABLE.source, asOf: PRICE_TABLE.asOf },
    requests,
  };
  // Written before sending: if the write fails the run fails with nothing sent, and the retry does both.
  const findingsObject = await writeFindings(ctx, date, { ...base, generatedAt: ctx.now.toISOString() });

  const alerts: IdleAlert[] = [
    ...totals.idleInstances.map((item) => ({ kind: 'instance' as const, item, severity: 'warning', alertId: idleAlertId('instance', item.region, item.id, week), subject: idleSubject('instance', item.id) })),
    ...totals.unattachedVolumes.map((item) => ({ kind: 'volume' as const, item, severity: 'warning', alertId: idleAlertId('volume', item.region, item.id, week), subject: idleSubject('volume', item.id) })),
  ];
  const msg: IdleMessageContext = {
    date,
    weekStart: week,
    regions,
    regionErrors: scan.errors,
    totalIdleInstances: totals.idleInstances.length,
    totalUnattachedVolumes: totals.unattachedVolumes.length,
    estimatedMonthlySavings: totals.estimatedMonthlySavings,
    noData: totals.noData,
    unpriced: totals.unpriced,
    lookbackDays: rules.lookbackDays,
    cpuThresholdPct: rules.cpuThresholdPct,
    priceTableDate: PRICE_TABLE.asOf,
  };
  const deliveries = await dispatch({
    alerts,
    channels: alertChannels<IdleAlert>(ctx, { slack: (a) => idleSlackMessage(a, msg), sns: (a) => idleSnsMessage(a, msg) }),
    ledger: ctx.ledger,
    dryRun: ctx.dryRun,
  });
  return { ...base, findingsObject, deliveries };
}

export function summarizeIdleResources(r: IdleResourcesResult): string {
  const lines = [
    `idle-resources ${r.date} (week of ${r.weekStart}): ${r.idleInstances.length} idle instances, ${r.unattachedVolumes.length} unattached volumes, about ${formatMoney(r.estimatedMonthlySavings, r.currency)}/month; ${r.noData} without CPU data; ${r.regions.length - r.regionErrors.length}/${r.regions.length} regions scanned`,
  ];
  for (const e of r.regionErrors) lines.push(`  NOT SCANNED ${e.region}: ${e.message}`);
  const money = (c: number | null) => (c === null ? 'price unknown' : `${formatMoney(c, r.currency)}/month`);
  const named = (x: { id: string; name?: string }) => (x.name ? `${x.id} (${x.name})` : x.id);
  for (const i of r.idleInstances.slice(0, 10))
    lines.push(`  instance ${named(i)} ${i.instanceType} ${i.region} cpu ${i.avgCpuPct}% ${money(i.estimatedMonthlyCost)}`);
  for (const v of r.unattachedVolumes.slice(0, 10))
    lines.push(`  volume   ${named(v)} ${v.volumeType} ${v.sizeGiB} GiB ${v.region} ${money(v.estimatedMonthlyCost)}`);
  const more = r.idleInstances.length + r.unattachedVolumes.length - Math.min(10, r.idleInstances.length) - Math.min(10, r.unattachedVolumes.length);
  if (more > 0) lines.push(`  …and ${more} more (--json for all)`);
  if (r.findingsObject) lines.push(`findings: s3://${r.findingsObject.bucket}/${r.findingsObject.key}`);
  return lines.join('\n');
}

export const idleResourcesJob: JobDefinition<IdleResourcesResult> = {
  name: 'idle-resources',
  description: 'idle EC2 instances and unattached EBS volumes across regions, with monthly cost',
  run: (ctx, o) => runIdleResources(ctx, { date: o.date }),
  summarize: summarizeIdleResources,
};
