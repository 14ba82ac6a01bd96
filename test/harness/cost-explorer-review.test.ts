import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetReservationCoverageCommand,
  GetReservationUtilizationCommand,
  GetRightsizingRecommendationCommand,
  GetSavingsPlansCoverageCommand,
  GetSavingsPlansUtilizationCommand,
} from '@aws-sdk/client-cost-explorer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCostExplorerDouble, type CostExplorerDouble, type DatasetOptions } from '../../emulators/cost-explorer.js';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };
const MARCH = { Start: '2026-03-01', End: '2026-04-01' };
const REVIEW: DatasetOptions = {
  savingsPlans: [{ month: '2026-03', totalCommitment: 1000, usedCommitment: 950, coveredSpend: 950, onDemandCost: 570 }],
  reservations: [{ month: '2026-03', purchasedHours: 744, usedHours: 700, reservedHours: 700, onDemandHours: 2100 }],
  rightsizing: Array.from({ length: 3 }, (_, i) => ({
    instanceId: `i-${i}`,
    instanceType: 'm5.2xlarge',
    monthlyCost: 280,
    action: 'modify' as const,
    targets: [
      { instanceType: 'm5.large', estimatedMonthlySavings: 210 },
      { instanceType: 'm5.xlarge', estimatedMonthlySavings: 140, default: true },
    ],
  })),
};

describe('cost explorer double: FinOps review operations', () => {
  let double: CostExplorerDouble;
  let ce: CostExplorerClient;

  beforeAll(async () => {
    double = await startCostExplorerDouble();
    ce = new CostExplorerClient({ endpoint: double.url, region: 'us-east-1', credentials, maxAttempts: 1 });
  });
  afterAll(async () => {
    ce.destroy();
    await double.stop();
  });
  beforeEach(() => {
    double.setDataset(
      [
        { date: '2026-03-02', service: 'Amazon EC2', amount: 10, costCategories: { Component: 'Compute' } },
        { date: '2026-03-03', service: 'Amazon S3', amount: 4 },
      ],
      REVIEW,
    );
    double.resetRequests();
  });

  it('groups by COST_CATEGORY as Name$Value, Name$ for uncategorized spend', async () => {
    const answer = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: MARCH,
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost'],
        GroupBy: [{ Type: 'COST_CATEGORY', Key: 'Component' }],
      }),
    );

    expect(answer.ResultsByTime?.[0]?.Groups?.map((g) => [g.Keys?.[0], g.Metrics?.UnblendedCost?.Amount])).toEqual([
      ['Component$', '4'],
      ['Component$Compute', '10'],
    ]);
  });

  it('answers Savings Plans utilization and coverage with AWS string figures', async () => {
    const used = await ce.send(new GetSavingsPlansUtilizationCommand({ TimePeriod: MARCH, Granularity: 'MONTHLY' }));
    const covered = await ce.send(new GetSavingsPlansCoverageCommand({ TimePeriod: MARCH, Granularity: 'MONTHLY' }));

    expect(used.Total?.Utilization).toEqual({
      TotalCommitment: '1000',
      UsedCommitment: '950',
      UnusedCommitment: '50',
      UtilizationPercentage: '95',
    });
    expect(covered.SavingsPlansCoverages?.[0]?.Coverage).toMatchObject({
      SpendCoveredBySavingsPlans: '950',
      TotalCost: '1520',
      CoveragePercentage: '62.5',
    });
  });

  it('answers reservation utilization and coverage in hours', async () => {
    const used = await ce.send(new GetReservationUtilizationCommand({ TimePeriod: MARCH, Granularity: 'MONTHLY' }));
    const covered = await ce.send(new GetReservationCoverageCommand({ TimePeriod: MARCH, Granularity: 'MONTHLY' }));

    expect(used.Total).toMatchObject({ PurchasedHours: '744', TotalActualHours: '700' });
    expect(Number(used.Total?.UtilizationPercentage)).toBeCloseTo(94.09, 2);
    expect(covered.Total?.CoverageHours).toMatchObject({ ReservedHours: '700', TotalRunningHours: '2800', CoverageHoursPercentage: '25' });
  });

  it('answers DataUnavailableException for utilization when there is no commitment, as AWS does', async () => {
    double.setDataset([], {});

    await expect(ce.send(new GetSavingsPlansUtilizationCommand({ TimePeriod: MARCH, Granularity: 'MONTHLY' }))).rejects.toMatchObject({
      name: 'DataUnavailableException',
    });
    await expect(ce.send(new GetReservationUtilizationCommand({ TimePeriod: MARCH }))).rejects.toMatchObject({
      name: 'DataUnavailableException',
    });
  });

  it('pages rightsizing recommendations with the default target marked', async () => {
    const first = await ce.send(new GetRightsizingRecommendationCommand({ Service: 'AmazonEC2', PageSize: 2 }));
    const second = await ce.send(
      new GetRightsizingRecommendationCommand({ Service: 'AmazonEC2', PageSize: 2, NextPageToken: first.NextPageToken }),
    );

    expect(first.RightsizingRecommendations).toHaveLength(2);
    expect(second.RightsizingRecommendations).toHaveLength(1);
    expect(second.NextPageToken).toBeUndefined();
    const targets = first.RightsizingRecommendations?.[0]?.ModifyRecommendationDetail?.TargetInstances ?? [];
    expect(targets.find((t) => t.DefaultTargetInstance)?.ResourceDetails?.EC2ResourceDetails?.InstanceType).toBe('m5.xlarge');
    expect(first.Summary?.TotalRecommendationCount).toBe('3');
  });

  it('denies rightsizing with the opt-in message when it is not enabled', async () => {
    double.setDataset([], { rightsizingEnabled: false });

    await expect(ce.send(new GetRightsizingRecommendationCommand({ Service: 'AmazonEC2' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('opt-in'),
    });
  });

  it('fails only the named operation when a fault is scoped to it', async () => {
    double.failNext('AccessDeniedException', 1, undefined, 'GetSavingsPlansCoverage');

    await ce.send(new GetSavingsPlansUtilizationCommand({ TimePeriod: MARCH, Granularity: 'MONTHLY' }));
    const denied = ce.send(new GetSavingsPlansCoverageCommand({ TimePeriod: MARCH, Granularity: 'MONTHLY' }));

    await expect(denied).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('ce:GetSavingsPlansCoverage'),
    });
    await expect(ce.send(new GetSavingsPlansCoverageCommand({ TimePeriod: MARCH, Granularity: 'MONTHLY' }))).resolves.toBeDefined();
    expect(double.requests.map((r) => r.operation)).toEqual([
      'GetSavingsPlansUtilization',
      'GetSavingsPlansCoverage',
      'GetSavingsPlansCoverage',
    ]);
  });
});
