import { resolveAccountId } from '../aws/account.js';
import { describeAllBudgets } from '../aws/budgets.js';
import { budgetsClient, costExplorerClient, s3Client } from '../aws/clients.js';
import { queryCosts, type CostBucket } from '../aws/cost-explorer.js';
import { AwsAccessError, UsageError } from '../errors.js';
import { monthlyReportSnsMessage, type ReportAlert } from '../messages/monthly-report.js';
import { formatMoney, formatPct } from '../money.js';
import { present, snsChannel } from '../notify/channels.js';
import { dispatch } from '../notify/dispatch.js';
import type { Delivery } from '../notify/types.js';
import { budgetLines } from '../report/budgets.js';
import { renderCsv } from '../report/csv.js';
import { renderHtml } from '../report/html.js';
import { buildReportModel, reportThrough, type ReportModel } from '../report/model.js';
import { LINK_SECONDS, presignReport, readLatestFindings, reportKey, writeReportFiles, type ReportFile, type ReportObject } from '../report/storage.js';
import { addDays, addMonths, firstDayOfMonth, monthOf, today, type IsoMonth } from '../time/dates.js';
import type { JobContext } from './context.js';
import type { JobDefinition } from './types.js';

type Amounts = { key: string; amount: number; previous: number; changePct: number | null };

export interface MonthlyReportResult {
  readonly job: 'monthly-report';
  readonly month: IsoMonth;
  readonly currency: string;
  /** The month is still running (`--allow-partial`): spend through `through` only. */
  readonly partial: boolean;
  readonly through: string;
  readonly estimated: boolean;
  readonly empty: boolean;
  readonly total: number;
  readonly previousTotal: number;
  readonly changePct: number | null;
  readonly byService: Amounts[];
  readonly byTag: Array<{ key: string; values: Amounts[] }>;
  readonly budget: { name: string; limit: number; actual: number | null; actualPct: number | null } | null;
  readonly waste: { asOf: string; resources: number; estimatedMonthlySavings: number } | null;
  readonly objects: ReportObject[];
  /** False in dry-run: the objects are where the report would go. */
  readonly written: boolean;
  readonly linkExpiresAt: string | null;
  readonly costExplorerRequests: number;
  readonly htmlBytes: number;
  readonly deliveries: Delivery[];
}

/** Once per month; a partial report names its last day so the final one still goes out. */
export const reportAlertId = (month: IsoMonth, partialThrough?: string) =>
  `monthly-report|report|${partialThrough ? `${month}~${partialThrough}` : month}|info`;

const amounts = (l: Amounts): Amounts => ({ key: l.key, amount: l.amount, previous: l.previous, changePct: l.changePct });

function resolveMonth(ctx: JobContext, month: IsoMonth | undefined): IsoMonth {
  const current = monthOf(today(ctx.now));
  const m = month ?? addMonths(current, -1);
  if (m > current) throw new UsageError(`--month: expected a month no later than the current one (${current}), got ${m}`);
  return m;
}

/**
 * Cost Explorer in 2 requests (+1 per tag key): one MONTHLY query spanning the
 * month and the month before, grouped by SERVICE, and one ungrouped DAILY
 * query for the line chart. A single DAILY query by service over both months
 * would be one call on paper but ~60 × services groups, which AWS pages.
 */
async function readCosts(ctx: JobContext, month: IsoMonth, endExclusive: string) {
  const ce = ctx.aws.get('costexplorer', costExplorerClient);
  const metric = ctx.config.dailySpend.metric;
  const span = { start: firstDayOfMonth(addMonths(month, -1)), endExclusive, granularity: 'MONTHLY' as const, metric };
  const [byService, daily, ...tags] = await Promise.all([
    queryCosts(ce, { ...span, groupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }] }),
    queryCosts(ce, { start: firstDayOfMonth(month), endExclusive, granularity: 'DAILY', metric }),
    ...ctx.config.report.groupByTags.map((key) => queryCosts(ce, { ...span, groupBy: [{ Type: 'TAG', Key: key }] })),
  ]);
  const of = (buckets: CostBucket[], m: IsoMonth) => buckets.find((b) => b.start === firstDayOfMonth(m))?.groups ?? new Map<string, number>();
  return {
    currency: byService.currency ?? daily.currency,
    estimated: [...byService.buckets, ...daily.buckets].some((b) => b.estimated && b.start >= firstDayOfMonth(month)),
    current: of(byService.buckets, month),
    previous: of(byService.buckets, addMonths(month, -1)),
    daily: new Map(daily.buckets.map((b) => [b.start, b.groups.get('') ?? 0])),
    tags: ctx.config.report.groupByTags.map((key, i) => ({ key, current: of(tags[i]!.buckets, month), previous: of(tags[i]!.buckets, addMonths(month, -1)) })),
    requests: [byService, daily, ...tags].reduce((n, r) => n + r.requests, 0),
  };
}

/** A findings object that cannot be read leaves the waste section out; a denied read still stops the run. */
async function readWaste(ctx: JobContext, bucket: string | undefined, month: IsoMonth) {
  if (!bucket) return undefined;
  try {
    return await readLatestFindings(ctx.aws.get('s3', () => s3Client()), bucket, month);
  } catch (err) {
    if (err instanceof AwsAccessError) throw err;
    ctx.log.warn(`monthly-report: leaving waste out: ${(err as Error).message}`);
    return undefined;
  }
}

export async function runMonthlyReport(ctx: JobContext, options: { month?: IsoMonth } = {}): Promise<MonthlyReportResult> {
  const { bucket, prefix } = ctx.config.report;
  if (!bucket && !ctx.dryRun)
    throw new UsageError('report.bucket: expected an S3 bucket name in config for the report files (e.g. "report": { "bucket": "cost-watch-reports" }), or use --dry-run');
  const month = resolveMonth(ctx, options.month);
  const todayUtc = today(ctx.now);
  const partial = month === monthOf(todayUtc);
  const through = reportThrough(month, todayUtc);

  ctx.log.progress(`monthly-report: reading Cost Explorer for ${addMonths(month, -1)} and ${month}${partial ? ` (through ${through})` : ''}`);
  const costs = await readCosts(ctx, month, addDays(through, 1));
  const monthTotal = [...costs.current.values()].reduce((a, b) => a + b, 0);
  const accountId = await resolveAccountId(ctx);
  const budgets = await describeAllBudgets(ctx.aws.get('budgets', budgetsClient), accountId);
  const waste = await readWaste(ctx, bucket, month);

  const model = buildReportModel({
    ...costs,
    month,
    currency: costs.currency ?? ctx.config.currency,
    metric: ctx.config.dailySpend.metric,
    generatedAt: ctx.now.toISOString(),
    through,
    partial,
    budgets: budgetLines(budgets, { month, monthTotal, currentMonth: monthOf(todayUtc) }),
    waste,
  });
  const html = renderHtml(model);
  const file = (name: string, contentType: string, body: string, contentDisposition?: string): ReportFile => ({
    bucket: bucket ?? '',
    key: reportKey(prefix, month, name),
    contentType,
    body,
    contentDisposition,
  });
  const htmlFile = file('cost-report.html', 'text/html; charset=utf-8', html);
  const csvFile = file('cost-report.csv', 'text/csv; charset=utf-8', renderCsv(model), `attachment; filename="cost-report-${month}.csv"`);
  const objects: ReportObject[] = bucket ? [htmlFile, csvFile, file('cost-report.json', 'application/json', '')].map(({ bucket: b, key, contentType }) => ({ bucket: b, key, contentType })) : [];
  const linkExpiresAt = new Date(ctx.now.getTime() + LINK_SECONDS * 1000).toISOString();
  const result = toResult(model, { objects, written: !ctx.dryRun, costExplorerRequests: costs.requests, htmlBytes: Buffer.byteLength(html), linkExpiresAt: bucket ? linkExpiresAt : null });

  if (!ctx.dryRun && bucket) {
    const s3 = ctx.aws.get('s3', () => s3Client());
    ctx.log.progress(`monthly-report: writing s3://${bucket}/${prefix}${month}/`);
    await writeReportFiles(s3, [htmlFile, csvFile, file('cost-report.json', 'application/json', `${JSON.stringify(result, null, 2)}\n`)]);
  }
  const topic = ctx.config.notify.reportTopicArn;
  if (!topic) ctx.log.warn('monthly-report: no notify.reportTopicArn in config: the report is written but nobody is emailed');
  const link = bucket ? await presignReport(ctx.aws.get('s3', () => s3Client()), htmlFile) : '(no report.bucket: nothing written)';
  const alert: ReportAlert = {
    alertId: reportAlertId(month, partial ? through : undefined),
    severity: 'info',
    subject: { job: 'monthly-report', scope: 'report', key: month, account: null },
    month,
  };
  const message = { model, link, linkExpiresAt, location: `s3://${bucket ?? ''}/${prefix}${month}/` };
  const deliveries = await dispatch({
    alerts: [alert],
    channels: present([snsChannel<ReportAlert>(ctx, topic, () => monthlyReportSnsMessage(message))]),
    ledger: ctx.ledger,
    dryRun: ctx.dryRun,
  });
  return { ...result, deliveries };
}

type Extras = Pick<MonthlyReportResult, 'objects' | 'written' | 'costExplorerRequests' | 'htmlBytes' | 'linkExpiresAt'>;

function toResult(m: ReportModel, extras: Extras): MonthlyReportResult {
  const b = m.primaryBudget;
  return {
    job: 'monthly-report',
    month: m.month,
    currency: m.currency,
    partial: m.partial,
    through: m.through,
    estimated: m.estimated,
    empty: m.empty,
    total: m.total.amount,
    previousTotal: m.total.previous,
    changePct: m.total.changePct,
    byService: m.services.map(amounts),
    byTag: m.tags.map((t) => ({ key: t.key, values: t.rows.map(amounts) })),
    budget: b ? { name: b.name, limit: b.limit, actual: b.actual, actualPct: b.actualPct } : null,
    waste: m.waste ? { asOf: m.waste.asOf, resources: m.waste.items.length, estimatedMonthlySavings: m.waste.estimatedMonthlySavings } : null,
    ...extras,
    deliveries: [],
  };
}

export function summarizeMonthlyReport(r: MonthlyReportResult): string {
  const lines = [
    `monthly-report ${r.month}${r.partial ? ` (partial, through ${r.through})` : ''}: total ${formatMoney(r.total, r.currency)} vs ${formatMoney(r.previousTotal, r.currency)} (${formatPct(r.changePct)})${r.empty ? '; no spend this month' : ''}`,
  ];
  if (r.budget) lines.push(`  budget "${r.budget.name}": ${r.budget.actualPct ?? 'n/a'}% of ${formatMoney(r.budget.limit, r.currency)}`);
  for (const s of r.byService.slice(0, 5)) lines.push(`  ${formatMoney(s.amount, r.currency).padStart(14)} ${s.key} (${formatPct(s.changePct)})`);
  for (const o of r.objects) lines.push(`  ${r.written ? 'wrote' : 'would write'} s3://${o.bucket}/${o.key}`);
  lines.push(`  Cost Explorer requests: ${r.costExplorerRequests}`);
  return lines.join('\n');
}

export const monthlyReportJob: JobDefinition<MonthlyReportResult> = {
  name: 'monthly-report',
  description: 'monthly finance report: HTML, CSV and JSON in S3, emailed through SNS',
  run: (ctx, o) => runMonthlyReport(ctx, { month: o.month }),
  summarize: summarizeMonthlyReport,
};
