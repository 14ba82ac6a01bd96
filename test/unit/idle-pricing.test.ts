import { describe, expect, it } from 'vitest';
import { instanceMonthlyCost, volumeMonthlyCost } from '../../shared/pricing/index.js';

describe('bundled price table', () => {
  it('prices m5.large in us-east-1 at $0.096 an hour × 730', () => {
    expect(instanceMonthlyCost('us-east-1', 'm5.large')).toBe(70.08);
  });

  it('scales a family by size and prices metal like its largest size', () => {
    expect(instanceMonthlyCost('us-east-1', 'm5.4xlarge')).toBe(560.64);
    expect(instanceMonthlyCost('us-east-1', 'm5.metal')).toBe(instanceMonthlyCost('us-east-1', 'm5.24xlarge'));
    expect(instanceMonthlyCost('us-east-1', 't3.nano')).toBe(3.8); // $0.0052/h
  });

  it('answers null for a type, a size or a region it does not know, never a guess', () => {
    expect(instanceMonthlyCost('us-east-1', 'm5.nano')).toBeNull();
    expect(instanceMonthlyCost('us-east-1', 'quantum9.large')).toBeNull();
    expect(instanceMonthlyCost('ap-southeast-7', 'm5.large')).toBeNull();
    expect(volumeMonthlyCost('us-east-1', { volumeType: 'gp9', sizeGiB: 10 })).toBeNull();
  });

  it('costs more outside us-east-1 where AWS charges more', () => {
    expect(instanceMonthlyCost('eu-central-1', 'm5.large')!).toBeGreaterThan(80);
    expect(instanceMonthlyCost('us-east-2', 'm5.large')).toBe(70.08);
  });

  it('prices gp2 at $0.10 and gp3 at $0.08 per GB-month in us-east-1', () => {
    expect(volumeMonthlyCost('us-east-1', { volumeType: 'gp2', sizeGiB: 100 })).toBe(10);
    expect(volumeMonthlyCost('us-east-1', { volumeType: 'gp3', sizeGiB: 100, iops: 3000, throughput: 125 })).toBe(8);
  });

  it('adds gp3 IOPS above 3,000 and throughput above 125 MiB/s', () => {
    expect(volumeMonthlyCost('us-east-1', { volumeType: 'gp3', sizeGiB: 100, iops: 4000, throughput: 225 })).toBe(8 + 5 + 4);
  });

  it('adds provisioned IOPS for io1, and io2 in its tiers', () => {
    expect(volumeMonthlyCost('us-east-1', { volumeType: 'io1', sizeGiB: 100, iops: 1000 })).toBe(12.5 + 65);
    expect(volumeMonthlyCost('us-east-1', { volumeType: 'io2', sizeGiB: 100, iops: 40_000 })).toBe(12.5 + 32_000 * 0.065 + 8_000 * 0.0455);
  });
});

describe('bundled prices of the other waste rules', () => {
  it('prices the contract reference points in us-east-1', async () => {
    const p = await import('../../shared/pricing/index.js');
    expect(p.publicIpv4MonthlyCost('us-east-1')).toBe(3.65);
    expect(p.natGatewayMonthlyCost('us-east-1')).toBe(32.85);
    expect(p.loadBalancerMonthlyCost('us-east-1', 'application')).toBe(16.43);
    expect(p.loadBalancerMonthlyCost('us-east-1', 'network')).toBe(16.43);
    expect(p.snapshotMonthlyCost('us-east-1', 100)).toBe(5);
    expect(p.gp2ToGp3MonthlySaving('us-east-1', 100)).toBe(2);
    expect(p.rdsMonthlyCost('us-east-1', 'postgres', 'db.m5.large', false)).toBe(129.94);
    expect(p.rdsMonthlyCost('us-east-1', 'postgres', 'db.m5.large', true)).toBe(259.88);
    expect(p.rdsMonthlyCost('us-east-1', 'mariadb', 'db.t3.micro', false)).toBe(12.41); // MySQL's price
  });

  it('applies region factors, and answers null for a region, engine, class or load balancer type it does not know', async () => {
    const p = await import('../../shared/pricing/index.js');
    expect(p.natGatewayMonthlyCost('eu-west-1')).toBe(35.04); // $0.048/h
    expect(p.publicIpv4MonthlyCost('ap-southeast-2')).toBe(3.65);
    expect(p.natGatewayMonthlyCost('ap-southeast-7')).toBeNull();
    expect(p.loadBalancerMonthlyCost('us-east-1', 'gateway')).toBeNull();
    expect(p.snapshotMonthlyCost('ap-southeast-7', 10)).toBeNull();
    expect(p.rdsMonthlyCost('us-east-1', 'oracle-ee', 'db.m5.large', false)).toBeNull();
    expect(p.rdsMonthlyCost('us-east-1', 'postgres', 'db.m5.nano', false)).toBeNull();
    expect(p.rdsMonthlyCost('us-east-1', 'aurora-postgresql', 'db.m5.large', false)).toBeNull();
  });
});
