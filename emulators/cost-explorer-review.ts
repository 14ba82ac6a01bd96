import type {
  GetReservationCoverageRequest,
  GetReservationCoverageResponse,
  GetReservationUtilizationRequest,
  GetReservationUtilizationResponse,
  GetRightsizingRecommendationRequest,
  GetRightsizingRecommendationResponse,
  GetSavingsPlansCoverageRequest,
  GetSavingsPlansCoverageResponse,
  GetSavingsPlansUtilizationRequest,
  GetSavingsPlansUtilizationResponse,
  RightsizingRecommendation,
} from '@aws-sdk/client-cost-explorer';
import { accountMatcher, CostExplorerFault, DEFAULT_ACCOUNT, type Dataset, type RightsizingRecord } from './cost-explorer-model.js';

/**
 * The FinOps review operations of the double, in the shapes the SDK types
 * declare: Savings Plans and reservation coverage and utilization from
 * per-month commitment records, rightsizing from recommendation records.
 * As AWS does, utilization with no commitment in the period answers
 * DataUnavailableException, and rightsizing that is not enabled answers
 * AccessDeniedException with AWS's opt-in message. Each honours a
 * LINKED_ACCOUNT Filter, as AWS does.
 */

export const RIGHTSIZING_OPT_IN_MESSAGE =
  "Rightsizing EC2 recommendation is an opt-in only feature. You can enable this feature from the PAYER account's Cost " +
  'Explorer Preferences page. Normally it may take up to 24 hours in order to generate recommendations.';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const s = (n: number) => (Math.round(n * 1e6) / 1e6).toString();
const pct = (part: number, whole: number) => (whole > 0 ? s((part / whole) * 100) : '0');

function months(period: { Start?: string; End?: string } | undefined, granularity: string | undefined): string[] {
  const start = period?.Start;
  const end = period?.End;
  if (!start || !end || !DAY.test(start) || !DAY.test(end) || start >= end)
    throw new CostExplorerFault('ValidationException', 'TimePeriod Start and End must be YYYY-MM-DD dates, Start before End');
  if (granularity !== undefined && granularity !== 'MONTHLY' && granularity !== 'DAILY')
    throw new CostExplorerFault('ValidationException', `Granularity ${granularity}: expected DAILY or MONTHLY`);
  const out: string[] = [];
  for (let m = start.slice(0, 7); `${m}-01` < end;) {
    out.push(m);
    const d = new Date(`${m}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + 1);
    m = d.toISOString().slice(0, 7);
  }
  return out;
}

const period = (m: string) => {
  const d = new Date(`${m}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return { Start: `${m}-01`, End: d.toISOString().slice(0, 10) };
};

export function savingsPlansUtilization(ds: Dataset, req: GetSavingsPlansUtilizationRequest): GetSavingsPlansUtilizationResponse {
  const wanted = months(req.TimePeriod, req.Granularity);
  const account = accountMatcher(req.Filter);
  const plans = (ds.savingsPlans ?? []).filter((p) => wanted.includes(p.month) && account(p.linkedAccount));
  if (!plans.length)
    throw new CostExplorerFault(
      'DataUnavailableException',
      'Data is not available. Please try to adjust the time period. If just enrolled in AWS Cost Explorer, please wait up to 24 hours.',
    );
  const util = (total: number, used: number) => ({
    TotalCommitment: s(total),
    UsedCommitment: s(used),
    UnusedCommitment: s(total - used),
    UtilizationPercentage: pct(used, total),
  });
  const total = plans.reduce((a, p) => a + p.totalCommitment, 0);
  const used = plans.reduce((a, p) => a + p.usedCommitment, 0);
  return {
    SavingsPlansUtilizationsByTime: plans.map((p) => ({
      TimePeriod: period(p.month),
      Utilization: util(p.totalCommitment, p.usedCommitment),
    })),
    Total: { Utilization: util(total, used) },
  };
}

export function savingsPlansCoverage(ds: Dataset, req: GetSavingsPlansCoverageRequest): GetSavingsPlansCoverageResponse {
  const wanted = months(req.TimePeriod, req.Granularity);
  const account = accountMatcher(req.Filter);
  return {
    SavingsPlansCoverages: (ds.savingsPlans ?? [])
      .filter((p) => wanted.includes(p.month) && account(p.linkedAccount))
      .map((p) => ({
        TimePeriod: period(p.month),
        Coverage: {
          SpendCoveredBySavingsPlans: s(p.coveredSpend),
          OnDemandCost: s(p.onDemandCost),
          TotalCost: s(p.coveredSpend + p.onDemandCost),
          CoveragePercentage: pct(p.coveredSpend, p.coveredSpend + p.onDemandCost),
        },
      })),
  };
}

export function reservationUtilization(ds: Dataset, req: GetReservationUtilizationRequest): GetReservationUtilizationResponse {
  const wanted = months(req.TimePeriod, req.Granularity);
  const account = accountMatcher(req.Filter);
  const ris = (ds.reservations ?? []).filter((r) => wanted.includes(r.month) && account(r.linkedAccount));
  if (!ris.length) throw new CostExplorerFault('DataUnavailableException', 'Data is not available. Please try to adjust the time period.');
  const agg = (purchased: number, used: number) => ({
    PurchasedHours: s(purchased),
    TotalActualHours: s(used),
    UnusedHours: s(purchased - used),
    UtilizationPercentage: pct(used, purchased),
  });
  return {
    UtilizationsByTime: ris.map((r) => ({ TimePeriod: period(r.month), Groups: [], Total: agg(r.purchasedHours, r.usedHours) })),
    Total: agg(
      ris.reduce((a, r) => a + r.purchasedHours, 0),
      ris.reduce((a, r) => a + r.usedHours, 0),
    ),
  };
}

export function reservationCoverage(ds: Dataset, req: GetReservationCoverageRequest): GetReservationCoverageResponse {
  const wanted = months(req.TimePeriod, req.Granularity);
  const account = accountMatcher(req.Filter);
  const ris = (ds.reservations ?? []).filter((r) => wanted.includes(r.month) && account(r.linkedAccount));
  const hours = (reserved: number, onDemand: number) => ({
    CoverageHours: {
      ReservedHours: s(reserved),
      OnDemandHours: s(onDemand),
      TotalRunningHours: s(reserved + onDemand),
      CoverageHoursPercentage: pct(reserved, reserved + onDemand),
    },
  });
  return {
    CoveragesByTime: ris.map((r) => ({ TimePeriod: period(r.month), Groups: [], Total: hours(r.reservedHours, r.onDemandHours) })),
    Total: hours(
      ris.reduce((a, r) => a + r.reservedHours, 0),
      ris.reduce((a, r) => a + r.onDemandHours, 0),
    ),
  };
}

function recommendation(r: RightsizingRecord): RightsizingRecommendation {
  const details = (type: string) => ({ EC2ResourceDetails: { InstanceType: type, Region: r.region ?? 'US East (N. Virginia)' } });
  return {
    AccountId: r.accountId ?? DEFAULT_ACCOUNT,
    CurrentInstance: {
      ResourceId: r.instanceId,
      InstanceName: r.instanceName ?? '',
      ResourceDetails: details(r.instanceType),
      MonthlyCost: s(r.monthlyCost),
      CurrencyCode: 'USD',
    },
    RightsizingType: r.action === 'terminate' ? 'TERMINATE' : 'MODIFY',
    ...(r.action === 'terminate'
      ? { TerminateRecommendationDetail: { EstimatedMonthlySavings: s(r.monthlyCost), CurrencyCode: 'USD' } }
      : {
          ModifyRecommendationDetail: {
            TargetInstances: (r.targets ?? []).map((t) => ({
              EstimatedMonthlyCost: s(r.monthlyCost - t.estimatedMonthlySavings),
              EstimatedMonthlySavings: s(t.estimatedMonthlySavings),
              CurrencyCode: 'USD',
              DefaultTargetInstance: t.default ?? false,
              ResourceDetails: details(t.instanceType),
            })),
          },
        }),
  };
}

export function rightsizingRecommendations(ds: Dataset, req: GetRightsizingRecommendationRequest): GetRightsizingRecommendationResponse {
  if (req.Service !== 'AmazonEC2')
    throw new CostExplorerFault('ValidationException', `Service ${req.Service ?? '(missing)'}: only AmazonEC2 is supported`);
  if (ds.rightsizingEnabled === false) throw new CostExplorerFault('AccessDeniedException', RIGHTSIZING_OPT_IN_MESSAGE);
  const account = accountMatcher(req.Filter);
  const all = (ds.rightsizing ?? []).filter((r) => account(r.accountId));
  const size = Math.max(1, Math.min(req.PageSize ?? 100, 100));
  const offset = req.NextPageToken ? Number(Buffer.from(req.NextPageToken, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > all.length)
    throw new CostExplorerFault('InvalidNextTokenException', 'The pagination token is invalid.');
  const page = all.slice(offset, offset + size);
  const savings = all.reduce(
    (a, r) =>
      a +
      (r.action === 'terminate' ? r.monthlyCost : ((r.targets?.find((t) => t.default) ?? r.targets?.[0])?.estimatedMonthlySavings ?? 0)),
    0,
  );
  return {
    Metadata: { RecommendationId: 'double', GenerationTimestamp: new Date().toISOString() },
    Summary: {
      TotalRecommendationCount: String(all.length),
      EstimatedTotalMonthlySavingsAmount: s(savings),
      SavingsCurrencyCode: 'USD',
      SavingsPercentage: '0',
    },
    RightsizingRecommendations: page.map(recommendation),
    Configuration: req.Configuration,
    ...(offset + size < all.length ? { NextPageToken: Buffer.from(String(offset + size)).toString('base64url') } : {}),
  };
}
