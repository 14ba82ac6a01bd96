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
