import { BASIS } from '../../shared/review/levers/basis.js';
import { dedupeLevers } from '../../shared/review/levers/dedup.js';
import type { AnyLever, SavingsLevers } from '../../shared/review/levers/types.js';
import type { ReviewGap } from '../../shared/review/types.js';

/**
 * A sample of every savings lever as the monthly report computes them, for
 * rendering tests: one instance that is both a rightsizing and a Graviton
 * candidate (counted once, in rightsizing), commitment alternatives for the
 * same usage, a Cost Optimization Hub item, a data-transfer kind that grew
 * past the thresholds, and names that need escaping. `gaps` turns levers into
 * gaps, as a denied API does, with their `reviewGaps` entries.
 */

const ACCOUNT = '123456789012';

const rightsizing: AnyLever = {
  lever: 'rightsizing',
  estimatedMonthlySavings: null,
  basis: BASIS.rightsizing,
  items: [
    {
      account: ACCOUNT,
      instanceId: 'i-0aaa',
      instanceType: 'm5.2xlarge',
      action: 'modify',
      targetType: 'm5.xlarge',
      estimatedMonthlySavings: 140.16,
      resource: 'i-0aaa',
    },
    {
      account: ACCOUNT,
      instanceId: 'i-0bbb',
      instanceType: 't3.large',
      action: 'terminate',
      targetType: null,
      estimatedMonthlySavings: 60.74,
      resource: 'i-0bbb',
      countedInWaste: true,
    },
  ],
};

const commitments: AnyLever = {
  lever: 'commitments',
  estimatedMonthlySavings: null,
  basis: BASIS.commitments,
  items: [
    {
      kind: 'savings-plan',
      service: 'Compute Savings Plans',
      account: null,
      purchase: 'Compute Savings Plan at $1.25/hour, 1 year, no upfront',
      instanceType: null,
      region: null,
      quantity: null,
      hourlyCommitment: 1.25,
      upfrontCost: 0,
      estimatedMonthlySavings: 312.4,
      breakEvenMonths: 0,
      usage: 'compute',
      resource: 'commitments:compute',
    },
    {
      kind: 'reserved-instance',
      service: 'Amazon Relational Database Service',
      account: ACCOUNT,
      purchase: '2 × db.r5.large PostgreSQL Multi-AZ in us-east-1, 1 year, no upfront',
      instanceType: 'db.r5.large',
      region: 'us-east-1',
      quantity: 2,
      hourlyCommitment: 0.66,
      upfrontCost: 0,
      estimatedMonthlySavings: 178.85,
      breakEvenMonths: 0,
      usage: 'rds:db.r5.large:us-east-1:PostgreSQL:Multi-AZ',
      resource: 'commitments:rds:db.r5.large:us-east-1:PostgreSQL:Multi-AZ',
    },
    {
      kind: 'reserved-instance',
      service: 'Amazon ElastiCache',
      account: ACCOUNT,
      purchase: '3 × cache.r6g.large Redis in us-east-1, 1 year, no upfront',
      instanceType: 'cache.r6g.large',
      region: 'us-east-1',
      quantity: 3,
      hourlyCommitment: 0.49,
      upfrontCost: 0,
      estimatedMonthlySavings: 96.36,
      breakEvenMonths: 0,
      usage: 'elasticache:cache.r6g.large:us-east-1:Redis',
      resource: 'commitments:elasticache:cache.r6g.large:us-east-1:Redis',
    },
  ],
};

const spot: AnyLever = {
  lever: 'spot',
  estimatedMonthlySavings: null,
  basis: BASIS.spot('env', ['dev', 'staging', 'test'], 70),
  items: [
    {
      account: ACCOUNT,
      environment: 'staging',
      onDemandSpend: 420.5,
      estimatedMonthlySavings: 294.35,
      resource: `spot:${ACCOUNT}:staging`,
    },
    {
      account: ACCOUNT,
      environment: 'dev <b>&"x"',
      onDemandSpend: 88,
      estimatedMonthlySavings: 61.6,
      resource: `spot:${ACCOUNT}:dev <b>&"x"`,
    },
  ],
};

const dataTransfer: AnyLever = {
  lever: 'data-transfer',
  estimatedMonthlySavings: null,
  basis: BASIS['data-transfer'],
  items: [
    {
      kind: 'inter-az',
      amount: 310.2,
      previous: 120.4,
      changePct: 157.6,
      severity: 'critical',
      top: [
        { account: ACCOUNT, service: 'EC2 - Other', usageType: 'USE1-DataTransfer-Regional-Bytes', amount: 250.1 },
        { account: ACCOUNT, service: 'Amazon Relational Database Service', usageType: 'USE1-DataTransfer-Regional-Bytes', amount: 60.1 },
      ],
    },
    { kind: 'inter-region', amount: 42, previous: 40, changePct: 5, severity: 'none', top: [] },
    {
      kind: 'internet-out',
      amount: 95.5,
      previous: 90,
      changePct: 6.1,
      severity: 'none',
      top: [{ account: ACCOUNT, service: 'Amazon Simple Storage Service', usageType: 'USE1-DataTransfer-Out-Bytes<&>', amount: 95.5 }],
    },
    {
      kind: 'nat-processing',
      amount: 61.3,
      previous: 0,
      changePct: null,
      severity: 'critical',
      top: [{ account: ACCOUNT, service: 'EC2 - Other', usageType: 'USE1-NatGateway-Bytes', amount: 61.3 }],
    },
  ],
};

const graviton: AnyLever = {
  lever: 'graviton',
  estimatedMonthlySavings: null,
  basis: BASIS.graviton,
  items: [
    {
      account: ACCOUNT,
      region: 'us-east-1',
      resourceType: 'ec2-instance',
      id: 'i-0aaa',
      name: 'api <prod>',
      currentType: 'm5.2xlarge',
      targetType: 'm7g.2xlarge',
      monthlyCost: 280.32,
      targetMonthlyCost: 238.27,
      estimatedMonthlySavings: 42.05,
      resource: 'i-0aaa',
    },
    {
      account: ACCOUNT,
      region: 'eu-west-1',
      resourceType: 'rds-instance',
      id: 'orders-db',
      name: null,
      currentType: 'db.r5.large',
      targetType: 'db.r7g.large',
      monthlyCost: 196.1,
      targetMonthlyCost: 195.32,
      estimatedMonthlySavings: 0.78,
      resource: 'orders-db',
    },
    {
      account: ACCOUNT,
      region: 'us-east-1',
      resourceType: 'ec2-instance',
      id: 'i-0ccc',
      name: null,
      currentType: 'c5.xlarge',
      targetType: 'c7g.xlarge',
      monthlyCost: 124.1,
      targetMonthlyCost: 105.85,
      estimatedMonthlySavings: 18.25,
      resource: 'i-0ccc',
      source: 'cost-optimization-hub',
    },
  ],
};

const storage: AnyLever = {
  lever: 'storage-class',
  estimatedMonthlySavings: null,
  basis: BASIS['storage-class'],
  items: [
    {
      account: ACCOUNT,
      region: 'us-east-1',
      bucket: 'logs-archive',
      standardBytes: 5 * 2 ** 40,
      monthlyCost: 117.76,
      estimatedMonthlySavings: 26.88,
      resource: 's3:logs-archive',
    },
  ],
};

const ALL = [rightsizing, commitments, spot, dataTransfer, graviton, storage];

const gapOf = (lever: AnyLever): AnyLever => ({ ...lever, items: [], estimatedMonthlySavings: null, gap: true }) as AnyLever;

export function leversData(gaps: ReadonlyArray<AnyLever['lever']> = []): SavingsLevers {
  return dedupeLevers(ALL.map((l) => (gaps.includes(l.lever) ? gapOf(l) : l)));
}

/** The `reviewGaps` entries that go with `leversData(gaps)`. */
export const leverGaps = (gaps: ReadonlyArray<AnyLever['lever']>): ReviewGap[] =>
  gaps.map((part) => ({
    part,
    operation: 'GetSavingsPlansPurchaseRecommendation',
    message: `denied: the caller needs the IAM permission for ${part}`,
  }));
