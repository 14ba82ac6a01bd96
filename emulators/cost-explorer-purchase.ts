import type {
  GetSavingsPlansPurchaseRecommendationRequest,
  GetSavingsPlansPurchaseRecommendationResponse,
  SavingsPlansPurchaseRecommendationDetail,
} from '@aws-sdk/client-cost-explorer';
import { accountMatcher, CostExplorerFault, DEFAULT_ACCOUNT, type CostRecord, type Dataset } from './cost-explorer-model.js';

/**
 * Purchase recommendations derived from the dataset's usage, the way Cost
 * Explorer reasons: over the look-back days, the usage that ran every hour of
 * every day (the lowest day) is what a commitment would cover.
 * - Compute Savings Plans: on-demand EC2 instance, Fargate and Lambda spend; the
 *   hourly commitment is the lowest day's spend per hour at the plan's rate.
 * - RDS and ElastiCache reservations: instance hours (`quantity`) by class,
 *   region and deployment; the instances to reserve are the lowest day's hours ÷ 24.
 * Discounts are the double's model of AWS's typical 1- and 3-year rates.
 */

export const HOURS_PER_MONTH = 730;
const LOOKBACK: Record<string, number> = { SEVEN_DAYS: 7, THIRTY_DAYS: 30, SIXTY_DAYS: 60 };
const SP_DISCOUNT: Record<string, number> = { NO_UPFRONT: 0.28, PARTIAL_UPFRONT: 0.31, ALL_UPFRONT: 0.33 };
export const RI_DISCOUNT: Record<string, number> = { NO_UPFRONT: 0.31, PARTIAL_UPFRONT: 0.34, ALL_UPFRONT: 0.36 };
const UPFRONT_SHARE: Record<string, number> = { NO_UPFRONT: 0, PARTIAL_UPFRONT: 0.5, ALL_UPFRONT: 1 };
const THREE_YEAR_EXTRA = 0.18;
export const s = (n: number) => (Math.round(n * 1e4) / 1e4).toString();

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The look-back days, ending the day before the recommendation date. */
export function lookbackDays(ds: Dataset, lookback: string | undefined): string[] {
  const n = LOOKBACK[lookback ?? ''];
  if (!n)
    throw new CostExplorerFault(
      'ValidationException',
      `LookbackPeriodInDays ${lookback ?? '(missing)'}: expected SEVEN_DAYS, THIRTY_DAYS or SIXTY_DAYS`,
    );
  const last = ds.records.reduce((m, r) => (r.date > m ? r.date : m), '0000-00-00');
  const asOf = ds.recommendationsAsOf ?? addDays(last, 1);
  return Array.from({ length: n }, (_, i) => addDays(asOf, i - n));
}

export function checkTerms(
  term: string | undefined,
  payment: string | undefined,
): { discount: (base: Record<string, number>) => number; years: number } {
  if (term !== 'ONE_YEAR' && term !== 'THREE_YEARS')
    throw new CostExplorerFault('ValidationException', `TermInYears ${term ?? '(missing)'}: expected ONE_YEAR or THREE_YEARS`);
  if (!payment || !(payment in UPFRONT_SHARE))
    throw new CostExplorerFault(
      'ValidationException',
      `PaymentOption ${payment ?? '(missing)'}: expected NO_UPFRONT, PARTIAL_UPFRONT or ALL_UPFRONT`,
    );
  const years = term === 'ONE_YEAR' ? 1 : 3;
  return { discount: (base) => base[payment]! + (years === 3 ? THREE_YEAR_EXTRA : 0), years };
}

/** The lowest day's total of `value` over the days (a day without usage is 0). */
export function lowestDay(records: readonly CostRecord[], days: readonly string[], value: (r: CostRecord) => number): number {
  const byDay = new Map(days.map((d) => [d, 0]));
  for (const r of records) if (byDay.has(r.date)) byDay.set(r.date, byDay.get(r.date)! + value(r));
  return Math.min(...byDay.values());
}

export const isUsage = (r: CostRecord) => (r.recordType ?? 'Usage') === 'Usage';
const onDemand = (r: CostRecord) =>
  (r.purchaseType ?? (/SpotUsage/.test(r.usageType ?? '') ? 'Spot' : 'On Demand Instances')) === 'On Demand Instances';
const computeEligible = (r: CostRecord) =>
  (r.service === 'Amazon Elastic Compute Cloud - Compute' && /BoxUsage/.test(r.usageType ?? '')) ||
  r.service === 'AWS Lambda' ||
  (r.service === 'Amazon Elastic Container Service' && /Fargate/.test(r.usageType ?? ''));

/** Groups records by account when the scope is LINKED; one group (the payer) otherwise. */
function byScope(records: CostRecord[], scope: string | undefined): Map<string, CostRecord[]> {
  const out = new Map<string, CostRecord[]>();
  for (const r of records) {
    const key = scope === 'LINKED' ? (r.linkedAccount ?? DEFAULT_ACCOUNT) : DEFAULT_ACCOUNT;
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  return out;
}

export function savingsPlansPurchase(
  ds: Dataset,
  req: GetSavingsPlansPurchaseRecommendationRequest,
): GetSavingsPlansPurchaseRecommendationResponse {
  const { discount, years } = checkTerms(req.TermInYears, req.PaymentOption);
  const days = lookbackDays(ds, req.LookbackPeriodInDays);
  if (req.SavingsPlansType !== 'COMPUTE_SP')
    throw new CostExplorerFault(
      'ValidationException',
      `SavingsPlansType ${req.SavingsPlansType ?? '(missing)'}: the double answers COMPUTE_SP`,
    );
  const account = accountMatcher(req.Filter);
  const eligible = ds.records.filter((r) => isUsage(r) && onDemand(r) && computeEligible(r) && account(r.linkedAccount));
  const rate = discount(SP_DISCOUNT);
  const details: SavingsPlansPurchaseRecommendationDetail[] = [];
  for (const [accountId, records] of byScope(eligible, req.AccountScope)) {
    const hourly = lowestDay(records, days, (r) => r.amount) / 24;
    if (hourly <= 0) continue;
    const commitment = hourly * (1 - rate);
    const monthlySavings = hourly * rate * HOURS_PER_MONTH;
    details.push({
      AccountId: accountId,
      CurrencyCode: ds.currency ?? 'USD',
      HourlyCommitmentToPurchase: s(commitment),
      UpfrontCost: s(commitment * 8760 * years * UPFRONT_SHARE[req.PaymentOption!]!),
      EstimatedMonthlySavingsAmount: s(monthlySavings),
      EstimatedSavingsPercentage: s(rate * 100),
      EstimatedOnDemandCost: s(hourly * HOURS_PER_MONTH),
      EstimatedSPCost: s(commitment * HOURS_PER_MONTH),
      CurrentAverageHourlyOnDemandSpend: s(hourly),
      EstimatedAverageUtilization: '100',
      RecommendationDetailId: `sp-${accountId}`,
    });
  }
  const total = details.reduce((a, d) => a + Number(d.EstimatedMonthlySavingsAmount), 0);
  return {
    Metadata: {
      RecommendationId: 'double-sp',
      GenerationTimestamp: `${days.at(-1)}T23:59:59Z`,
    },
    SavingsPlansPurchaseRecommendation: {
      AccountScope: req.AccountScope ?? 'PAYER',
      SavingsPlansType: 'COMPUTE_SP',
      TermInYears: req.TermInYears,
      PaymentOption: req.PaymentOption,
      LookbackPeriodInDays: req.LookbackPeriodInDays,
      SavingsPlansPurchaseRecommendationDetails: details,
      SavingsPlansPurchaseRecommendationSummary: {
        TotalRecommendationCount: String(details.length),
        EstimatedMonthlySavingsAmount: s(total),
        CurrencyCode: ds.currency ?? 'USD',
      },
    },
  };
}
