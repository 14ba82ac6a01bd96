import type {
  GetReservationPurchaseRecommendationRequest,
  GetReservationPurchaseRecommendationResponse,
  ReservationPurchaseRecommendationDetail,
} from '@aws-sdk/client-cost-explorer';
import { accountMatcher, CostExplorerFault, DEFAULT_ACCOUNT, type CostRecord, type Dataset } from './cost-explorer-model.js';
import { checkTerms, HOURS_PER_MONTH, isUsage, lookbackDays, lowestDay, RI_DISCOUNT, s } from './cost-explorer-purchase.js';

/**
 * RDS and ElastiCache reservations to buy, from the dataset's instance hours
 * (`quantity`) by account (LINKED scope), region, class and deployment: the
 * instances to reserve are the lowest look-back day's hours ÷ 24, saving the
 * reservation rate on their on-demand cost (amount ÷ hours).
 */

const RESERVABLE: Record<string, RegExp> = {
  'Amazon Relational Database Service': /(?:^|-)(InstanceUsage|Multi-AZUsage):(db\.[a-z0-9]+\.[a-z0-9]+)$/,
  'Amazon ElastiCache': /(?:^|-)NodeUsage:(cache\.[a-z0-9]+\.[a-z0-9]+)$/,
};

export function reservationPurchase(
  ds: Dataset,
  req: GetReservationPurchaseRecommendationRequest,
): GetReservationPurchaseRecommendationResponse {
  const pattern = RESERVABLE[req.Service ?? ''];
  if (!pattern)
    throw new CostExplorerFault(
      'ValidationException',
      `Service ${req.Service ?? '(missing)'}: the double answers ${Object.keys(RESERVABLE).join(' and ')}`,
    );
  const { discount } = checkTerms(req.TermInYears ?? 'ONE_YEAR', req.PaymentOption ?? 'NO_UPFRONT');
  const days = lookbackDays(ds, req.LookbackPeriodInDays ?? 'SEVEN_DAYS');
  const account = accountMatcher(req.Filter);
  const rate = discount(RI_DISCOUNT);
  const groups = new Map<string, { accountId: string; region: string; type: string; multiAz: boolean; records: CostRecord[] }>();
  for (const r of ds.records) {
    const m = pattern.exec(r.usageType ?? '');
    if (!m || !isUsage(r) || !account(r.linkedAccount) || !r.quantity) continue;
    const type = m[2] ?? m[1]!;
    const accountId = req.AccountScope === 'LINKED' ? (r.linkedAccount ?? DEFAULT_ACCOUNT) : DEFAULT_ACCOUNT;
    const region = r.region ?? 'us-east-1';
    const key = [accountId, region, type, m[1]].join('|');
    const g = groups.get(key) ?? { accountId, region, type, multiAz: m[1] === 'Multi-AZUsage', records: [] };
    g.records.push(r);
    groups.set(key, g);
  }
  const details: ReservationPurchaseRecommendationDetail[] = [];
  for (const g of groups.values()) {
    const count = Math.floor(lowestDay(g.records, days, (r) => r.quantity ?? 0) / 24 + 1e-9);
    const hours = g.records.reduce((a, r) => a + (r.quantity ?? 0), 0);
    if (count < 1 || hours <= 0) continue;
    const hourly = g.records.reduce((a, r) => a + r.amount, 0) / hours;
    const monthlySavings = count * hourly * rate * HOURS_PER_MONTH;
    details.push({
      AccountId: g.accountId,
      InstanceDetails:
        req.Service === 'Amazon ElastiCache'
          ? {
              ElastiCacheInstanceDetails: {
                NodeType: g.type,
                Region: g.region,
                Family: g.type.split('.')[1],
                CurrentGeneration: true,
                SizeFlexEligible: true,
              },
            }
          : {
              RDSInstanceDetails: {
                InstanceType: g.type,
                Region: g.region,
                Family: g.type.split('.')[1],
                DeploymentOption: g.multiAz ? 'Multi-AZ' : 'Single-AZ',
              },
            },
      RecommendedNumberOfInstancesToPurchase: String(count),
      CurrencyCode: ds.currency ?? 'USD',
      UpfrontCost: '0',
      RecurringStandardMonthlyCost: s(count * hourly * (1 - rate) * HOURS_PER_MONTH),
      EstimatedMonthlySavingsAmount: s(monthlySavings),
      EstimatedMonthlySavingsPercentage: s(rate * 100),
      EstimatedMonthlyOnDemandCost: s(count * hourly * HOURS_PER_MONTH),
      EstimatedBreakEvenInMonths: '0',
    });
  }
  details.sort((a, b) => Number(b.EstimatedMonthlySavingsAmount) - Number(a.EstimatedMonthlySavingsAmount));
  return {
    Metadata: { RecommendationId: 'double-ri', GenerationTimestamp: `${days.at(-1)}T23:59:59Z` },
    Recommendations: details.length
      ? [
          {
            AccountScope: req.AccountScope ?? 'PAYER',
            LookbackPeriodInDays: req.LookbackPeriodInDays ?? 'SEVEN_DAYS',
            TermInYears: req.TermInYears ?? 'ONE_YEAR',
            PaymentOption: req.PaymentOption ?? 'NO_UPFRONT',
            RecommendationDetails: details,
            RecommendationSummary: {
              TotalEstimatedMonthlySavingsAmount: s(details.reduce((a, d) => a + Number(d.EstimatedMonthlySavingsAmount), 0)),
              CurrencyCode: ds.currency ?? 'USD',
            },
          },
        ]
      : [],
  };
}
