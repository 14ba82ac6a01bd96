import { CLIENTS } from './clients.js';
import { resolveAccountId } from '../../aws/account.js';
import { UsageError } from '../../errors.js';
import type { ReportAlert } from '../../messages/monthly-report.js';
import { dispatch } from '../../notify/dispatch.js';
import { renderCsv } from '../../report/csv.js';
import { planReportDelivery } from './delivery.js';
import { renderHtml } from '../../report/html.js';
import { markCountedInWaste } from '../../report/overlap.js';
import { accountLines, accountServiceLines } from '../../report/accounts.js';
import { buildReportModel, comparedDays, reportThrough } from '../../report/model.js';
import { reportKey, writeReportFiles, type ReportFile, type ReportObject } from '../../report/storage.js';
import { renderXlsx, XLSX_CONTENT_TYPE } from '../../report/xlsx/index.js';
import { addDays, addMonths, monthOf, today, type IsoMonth } from '../../time/dates.js';
import type { JobContext } from '../common/context.js';
import { readCosts, readOwnership, readWaste, reportWindow } from './costs.js';
import { reportScope } from './accounts.js';
import { readReportBudgets } from './budgets.js';
import { type MonthlyReportResult, summarizeMonthlyReport, toResult } from './result.js';
import { gatherReview } from './review.js';
import { readContainers } from './containers.js';
import { gatherLevers } from './levers.js';
import type { JobDefinition } from '../common/types.js';

export { summarizeMonthlyReport, type MonthlyReportResult } from './result.js';

/** Once per month; a partial report names its last day so the final one still goes out. */
export const reportAlertId = (month: IsoMonth, partialThrough?: string) =>
  `monthly-report|report|${partialThrough ? `${month}~${partialThrough}` : month}|info`;

function resolveMonth(ctx: JobContext, month: IsoMonth | undefined): IsoMonth {
  const current = monthOf(today(ctx.now));
  const m = month ?? addMonths(current, -1);
  if (m > current) throw new UsageError(`--month: expected a month no later than the current one (${current}), got ${m}`);
  return m;
}

/** Reads the month (and the month before) from Cost Explorer, Budgets and the stored waste findings into the report model. */
async function readModel(ctx: JobContext, month: IsoMonth) {
  const todayUtc = today(ctx.now);
  const partial = month === monthOf(todayUtc);
  const through = reportThrough(month, todayUtc);
  ctx.log.progress(
    `monthly-report: reading Cost Explorer for ${addMonths(month, -1)} and ${month}${partial ? ` (through ${through})` : ''}`,
  );
  const ce = ctx.aws.costExplorer();
  const endExclusive = addDays(through, 1);
  const window = reportWindow(month, endExclusive, partial);
  const scope = await reportScope(ctx);
  const [costs, accountId, containers] = await Promise.all([
    readCosts(ctx, ce, window, scope),
    resolveAccountId(ctx.aws, ctx.config.budgets.accountId),
    readContainers(ctx, { month, through, previousThrough: comparedDays(month, through, partial).to }, scope.includes),
  ]);
  const byAccount = costs.accountSpend && accountLines(costs.accountSpend);
  ctx.log.progress('monthly-report: reading categories, commitments and rightsizing');
  const { review, requests: reviewRequests, metricRequests } = await gatherReview(ctx, ce, costs, window, scope);
  const budgets = await readReportBudgets(ctx, month);
  const waste = await readWaste(ctx, ctx.config.report.bucket, month);
  const ownership = await readOwnership(ctx, ctx.config.report.bucket, month);
  const reviewed = markCountedInWaste(review, waste);
  ctx.log.progress('monthly-report: reading the savings levers');
  const levers = await gatherLevers(ctx, ce, window, scope, reviewed, accountId);

  const model = buildReportModel({
    ...costs,
    month,
    currency: costs.currency ?? ctx.config.currency,
    metric: ctx.config.dailySpend.metric,
    generatedAt: ctx.now.toISOString(),
    through,
    partial,
    budgets,
    waste,
    ...(ownership ? { ownership } : {}),
    review: { ...reviewed, levers: levers.levers, gaps: [...reviewed.gaps, ...(containers.gap ? [containers.gap] : []), ...levers.gaps] },
    ...(ctx.config.containers ? { containers } : {}),
    ...(byAccount && costs.accountSpend
      ? { accounts: { lines: byAccount, services: accountServiceLines(costs.accountSpend, byAccount) } }
      : {}),
  });
  const operations = [...Array<string>(costs.requests).fill('GetCostAndUsage'), ...reviewRequests, ...levers.requests];
  return { model, byAccount, accountId, operations, metricRequests, partial, through, ownership };
}

export async function runMonthlyReport(ctx: JobContext, options: { month?: IsoMonth } = {}): Promise<MonthlyReportResult> {
  const { bucket, prefix } = ctx.config.report;
  if (!bucket && !ctx.dryRun)
    throw new UsageError(
      'report.bucket: expected an S3 bucket name in config for the report files (e.g. "report": { "bucket": ' +
        '"cost-watch-reports" }), or use --dry-run',
    );
  const month = resolveMonth(ctx, options.month);
  const { model, byAccount, accountId, operations, metricRequests, partial, through, ownership } = await readModel(ctx, month);
  const html = renderHtml(model);
  // One account, or the organization's byAccount.
  const accounts = byAccount?.map((a) => ({
    account: a.account,
    name: a.name,
    amount: a.amount,
    previous: a.previous,
    changePct: a.changePct,
  }));
  const xlsx = await renderXlsx(model, {
    accounts: accounts ?? [
      { account: accountId, name: null, amount: model.total.amount, previous: model.total.previous, changePct: model.total.changePct },
    ],
  });
  const files = reportFiles(ctx.config.report, month, { html, csv: renderCsv(model), xlsx });
  const location = `s3://${bucket ?? ''}/${prefix}${month}/`;
  const delivery = await planReportDelivery(ctx, { model, files: [files.html, files.csv, files.xlsx], location });
  const costExplorerOperations = Object.fromEntries([...new Set(operations)].map((op) => [op, operations.filter((o) => o === op).length]));
  const result = toResult(model, {
    ownership,
    objects: files.objects,
    written: !ctx.dryRun,
    costExplorerRequests: operations.length,
    costExplorerOperations,
    cloudWatchRequests: metricRequests,
    htmlBytes: Buffer.byteLength(html),
    xlsxBytes: xlsx.length,
    linkExpiresAt: delivery.linkExpiresAt,
  });

  if (!ctx.dryRun && bucket) {
    const s3 = ctx.aws.s3();
    ctx.log.progress(`monthly-report: writing s3://${bucket}/${prefix}${month}/`);
    await writeReportFiles(s3, [files.html, files.csv, files.json(`${JSON.stringify(result, null, 2)}\n`), files.xlsx]);
  }
  const deliveries = await dispatch({
    alerts: [reportAlert(month, partial ? through : undefined)],
    channels: delivery.channels,
    ledger: ctx.ledger,
    mutes: ctx.mutes,
    dryRun: ctx.dryRun,
  });
  return { ...result, email: delivery.email, deliveries };
}

function reportAlert(month: IsoMonth, partialThrough?: string): ReportAlert {
  return {
    alertId: reportAlertId(month, partialThrough),
    severity: 'info',
    subject: { job: 'monthly-report', scope: 'report', key: month, account: null },
    month,
  };
}

/** The report's files in S3 (the email attaches html, csv and xlsx), and the objects the result lists (none without a bucket). */
function reportFiles(report: { bucket?: string; prefix: string }, month: IsoMonth, bodies: { html: string; csv: string; xlsx: Buffer }) {
  const file = (name: string, contentType: string, body: string | Buffer, contentDisposition?: string): ReportFile => ({
    bucket: report.bucket ?? '',
    key: reportKey(report.prefix, month, name),
    contentType,
    body,
    contentDisposition,
  });
  const html = file('cost-report.html', 'text/html; charset=utf-8', bodies.html);
  const csv = file('cost-report.csv', 'text/csv; charset=utf-8', bodies.csv, `attachment; filename="cost-report-${month}.csv"`);
  const xlsx = file('cost-report.xlsx', XLSX_CONTENT_TYPE, bodies.xlsx, `attachment; filename="cost-report-${month}.xlsx"`);
  const json = (body: string) => file('cost-report.json', 'application/json', body);
  const objects: ReportObject[] = report.bucket
    ? [html, csv, json(''), xlsx].map(({ bucket, key, contentType }) => ({ bucket, key, contentType }))
    : [];
  return { html, csv, xlsx, json, objects };
}

export const monthlyReportJob: JobDefinition<MonthlyReportResult> = {
  clients: CLIENTS,
  name: 'monthly-report',
  description: 'monthly FinOps review: HTML, CSV, JSON and xlsx in S3, emailed through SES (report.email) or SNS',
  run: (ctx, o) => runMonthlyReport(ctx, { month: o.month }),
  summarize: summarizeMonthlyReport,
};
