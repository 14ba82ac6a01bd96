import { accountLabel } from '../../text/account-label.js';
import { formatChange, formatMoney, formatPercent, formatUnitCost } from '../../format.js';
import type { Delivery } from '../../alerts/alert.js';
import type { EmailSummary } from './delivery.js';
import type { ReportModel } from '../../report/model.js';
import type { ReportObject } from '../../report/storage.js';
import type { AllocationNote, AllocationRow } from '../../review/allocation.js';
import type { CategoryRow } from '../../review/categories.js';
import type { Commitments, MonthUnitCost, ReviewGap, RightsizingRow } from '../../review/types.js';
import type { AnyLever } from '../../review/levers/types.js';
import type { IsoMonth } from '../../time/dates.js';
import type { ContainersReport } from '../../containers/types.js';
import { containersSummary } from '../../report/containers-text.js';
import type { OwnershipMonth } from '../../report/ownership-month.js';

type Amounts = { key: string; amount: number; previous: number; changePct: number | null };

export interface MonthlyReportResult {
  readonly job: 'monthly-report';
  readonly month: IsoMonth;
  readonly currency: string;
  /** The month is still running (`--allow-partial`): spend through `through` only. */
  readonly partial: boolean;
  readonly through: string;
  /** The days of the month before the figures are compared with (its first days only for a running month). */
  readonly comparedWith: { readonly from: string; readonly to: string };
  readonly estimated: boolean;
  readonly empty: boolean;
  readonly total: number;
  readonly previousTotal: number;
  readonly changePct: number | null;
  readonly byService: Amounts[];
  /** Organizations: every account with spend in either month, biggest first; [] in a single-account config. */
  readonly byAccount: Array<{ account: string; name: string; amount: number; previous: number; changePct: number | null }>;
  readonly byTag: Array<{ key: string; values: Amounts[] }>;
  readonly budget: { name: string; limit: number; actual: number | null; actualPct: number | null } | null;
  /** Every monthly cost budget in force during the month, each with its own actual (null: AWS keeps none for it). */
  readonly budgets: Array<{
    name: string;
    account: string | null;
    accountName: string | null;
    accountWide: boolean;
    limit: number;
    actual: number | null;
    actualPct: number | null;
  }>;
  readonly waste: { asOf: string; resources: number; estimatedMonthlySavings: number } | null;
  /** $/month of the idle-resources findings resolved during the month (each once); 0 without findings files. */
  readonly realizedSavings: number;
  /** The untagged share of spend (the first `ownership.tags` key) of the month's newest digest; null when unknown. */
  readonly untaggedSharePct: number | null;
  /** The same for the month before (the trend); null when unknown. */
  readonly untaggedSharePctPrevious: number | null;
  readonly byCategory: CategoryRow[];
  readonly allocation: AllocationRow[];
  /** Why an allocation key shows no rows (tag not activated, no spend) or what to look at (large untagged). */
  readonly allocationNotes: AllocationNote[];
  readonly commitments: Commitments;
  readonly rightsizing: RightsizingRow[];
  /** Savings levers: rightsizing, commitments, spot, data-transfer, graviton, storage-class (review/levers/types.ts). */
  readonly levers: AnyLever[];
  /** Every resource once across the levers, with its largest saving. */
  readonly totalDedupedSavings: number;
  /** Review parts AWS would not answer (denied, not enabled): the report says so and the rest is written. */
  readonly reviewGaps: ReviewGap[];
  /** Kubernetes cost from the CUR 2.0 export; null without `containers` in config (a gap leaves the lists empty). */
  readonly containers: ContainersReport | null;
  /** With `unitCost` in config: the month's cost per unit and the month before's; null otherwise. */
  readonly unitCost: Omit<MonthUnitCost, 'daily'> | null;
  readonly objects: ReportObject[];
  /** False in dry-run: the objects are where the report would go. */
  readonly written: boolean;
  /** When the SNS email's pre-signed link stops working; null when it carries none (see report/link.ts). */
  readonly linkExpiresAt: string | null;
  /** The SES finance email (`report.email`), null when the report goes to the SNS topic. */
  readonly email: EmailSummary | null;
  readonly costExplorerRequests: number;
  /** Requests per Cost Explorer operation, e.g. { GetCostAndUsage: 3, GetRightsizingRecommendation: 1 }. */
  readonly costExplorerOperations: Record<string, number>;
  /** CloudWatch GetMetricData requests (unit cost), SDK retries included. */
  readonly cloudWatchRequests: number;
  readonly htmlBytes: number;
  readonly xlsxBytes: number;
  readonly deliveries: Delivery[];
}

const amounts = (l: Amounts): Amounts => ({ key: l.key, amount: l.amount, previous: l.previous, changePct: l.changePct });

export type ResultExtras = Pick<
  MonthlyReportResult,
  | 'objects'
  | 'written'
  | 'costExplorerRequests'
  | 'costExplorerOperations'
  | 'cloudWatchRequests'
  | 'htmlBytes'
  | 'xlsxBytes'
  | 'linkExpiresAt'
> & { readonly ownership: OwnershipMonth | null };

export function toResult(m: ReportModel, extras: ResultExtras): MonthlyReportResult {
  const b = m.primaryBudget;
  const r = m.review;
  return {
    job: 'monthly-report',
    month: m.month,
    currency: m.currency,
    partial: m.partial,
    through: m.through,
    comparedWith: m.comparedWith,
    estimated: m.estimated,
    empty: m.empty,
    total: m.total.amount,
    previousTotal: m.total.previous,
    changePct: m.total.changePct,
    byService: m.services.map(amounts),
    byAccount: (m.accounts?.lines ?? []).map((a) => ({
      account: a.account,
      name: a.name,
      amount: a.amount,
      previous: a.previous,
      changePct: a.changePct,
    })),
    byTag: m.tags.map((t) => ({ key: t.key, values: t.rows.map(amounts) })),
    budget: b ? { name: b.name, limit: b.limit, actual: b.actual, actualPct: b.actualPct } : null,
    budgets: m.budgets.map((l) => ({
      name: l.name,
      account: l.account ?? null,
      accountName: l.accountName ?? null,
      accountWide: l.accountWide,
      limit: l.limit,
      actual: l.actual,
      actualPct: l.actualPct,
    })),
    waste: m.waste
      ? { asOf: m.waste.asOf, resources: m.waste.items.length, estimatedMonthlySavings: m.waste.estimatedMonthlySavings }
      : null,
    realizedSavings: extras.ownership?.realizedSavings ?? 0,
    untaggedSharePct: extras.ownership?.untaggedSharePct ?? null,
    untaggedSharePctPrevious: extras.ownership?.untaggedSharePctPrevious ?? null,
    byCategory: r?.byCategory ?? [],
    allocation: r?.allocation ?? [],
    allocationNotes: r?.allocationNotes ?? [],
    commitments: r?.commitments ?? {
      savingsPlans: { coveragePct: null, utilizationPct: null },
      reservations: { coveragePct: null, utilizationPct: null },
    },
    rightsizing: r?.rightsizing ?? [],
    levers: r?.levers?.levers ?? [],
    totalDedupedSavings: r?.levers?.totalDedupedSavings ?? 0,
    reviewGaps: r?.gaps ?? [],
    containers: m.containers?.report ?? null,
    unitCost: r?.unitCost
      ? {
          unit: r.unitCost.unit,
          units: r.unitCost.units,
          costPerUnit: r.unitCost.costPerUnit,
          target: r.unitCost.target,
          previousCostPerUnit: r.unitCost.previousCostPerUnit,
        }
      : null,
    ...extras,
    email: null,
    deliveries: [],
  };
}

export function summarizeMonthlyReport(r: MonthlyReportResult): string {
  const lines = [
    `monthly-report ${r.month}${r.partial ? ` (partial, through ${r.through})` : ''}: ` +
      `total ${formatMoney(r.total, r.currency)} vs ${formatMoney(r.previousTotal, r.currency)} ` +
      `(${formatChange(r.changePct)})${r.empty ? '; no spend this month' : ''}`,
  ];
  for (const b of r.budgets.slice(0, 10))
    lines.push(
      `  budget "${b.name}"${b.account ? ` (${b.accountName ?? b.account})` : ''}: ${formatPercent(b.actualPct)} ` +
        `of ${formatMoney(b.limit, r.currency)}`,
    );
  for (const a of r.byAccount.slice(0, 10))
    lines.push(
      `  ${formatMoney(a.amount, r.currency).padStart(14)} account ${accountLabel(a.account, a.name)} (${formatChange(a.changePct)})`,
    );
  for (const s of r.byService.slice(0, 5))
    lines.push(`  ${formatMoney(s.amount, r.currency).padStart(14)} ${s.key} (${formatChange(s.changePct)})`);
  if (r.byCategory.length)
    lines.push(
      `  categories: ${r.byCategory
        .map((c) => {
          const used = c.budgetPct === null ? '' : ` (${formatPercent(c.budgetPct)} of budget)`;
          return `${c.category} ${formatMoney(c.amount, r.currency)}${used}`;
        })
        .join(', ')}`,
    );
  const unitCost = (n: number | null) => formatUnitCost(n, r.currency);
  if (r.unitCost)
    lines.push(
      `  cost per ${r.unitCost.unit}: ${unitCost(r.unitCost.costPerUnit)} (target ${unitCost(r.unitCost.target)}, month ` +
        `before ${unitCost(r.unitCost.previousCostPerUnit)})`,
    );
  lines.push(...containersSummary(r.containers, r.currency));
  for (const g of r.reviewGaps) lines.push(`  ${g.part}: ${g.message}`);
  for (const o of r.objects) lines.push(`  ${r.written ? 'wrote' : 'would write'} s3://${o.bucket}/${o.key}`);
  if (r.email)
    lines.push(
      `  email "${r.email.subject}" to ${r.email.to.join(', ')}, attached ${r.email.attachments.join(', ')} ` +
        `(${Math.round(r.email.bytes / 1024)} KB)`,
    );
  for (const f of r.email?.leftOut ?? []) lines.push(`  ${f.filename} not attached (too large for SES): ${f.s3}`);
  const ops = Object.entries(r.costExplorerOperations)
    .map(([op, n]) => `${op} ×${n}`)
    .join(', ');
  lines.push(`  Cost Explorer requests: ${r.costExplorerRequests}${ops ? ` (${ops})` : ''}`);
  return lines.join('\n');
}
