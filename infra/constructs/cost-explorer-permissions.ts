import type { JobResources } from './jobs.js';
import type { JobPermission } from './permissions.js';

/** The Cost Explorer and CloudWatch reads the jobs share; none of these APIs has resource-level permissions. */

export const costExplorer: JobPermission = {
  actions: ['ce:GetCostAndUsage'],
  resources: ['*'],
  why: 'Cost Explorer has no resource-level permissions: ce:GetCostAndUsage only accepts Resource "*".',
};

/** The FinOps review's commitments and rightsizing. */
export const costExplorerReview: JobPermission = {
  actions: [
    'ce:GetSavingsPlansUtilization',
    'ce:GetSavingsPlansCoverage',
    'ce:GetReservationUtilization',
    'ce:GetReservationCoverage',
    'ce:GetRightsizingRecommendation',
    'ce:GetSavingsPlansPurchaseRecommendation',
    'ce:GetReservationPurchaseRecommendation',
  ],
  resources: ['*'],
  why: 'Cost Explorer has no resource-level permissions: its coverage, utilization, rightsizing and purchase recommendation reads only accept Resource "*".',
};

export const unitMetric = (r: JobResources): JobPermission[] =>
  r.unitCost
    ? [
        {
          actions: ['cloudwatch:GetMetricData'],
          resources: ['*'],
          why: 'Reads the unitCost metric; cloudwatch:GetMetricData supports no resource-level permissions.',
        },
      ]
    : [];

export const anomalies = (r: JobResources): JobPermission[] =>
  r.anomalies
    ? [
        {
          actions: ['ce:GetAnomalies'],
          resources: ['*'],
          why: 'Reads AWS Cost Anomaly Detection findings (dailySpend.anomalies); Cost Explorer actions only accept Resource "*".',
        },
      ]
    : [];
