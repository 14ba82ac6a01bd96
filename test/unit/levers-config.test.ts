import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/load.js';

function messageOf(raw: unknown): string {
  try {
    parseConfig(raw);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('savings lever config', () => {
  it('defaults to dev, staging and test under the env tag, without Cost Optimization Hub', () => {
    const r = parseConfig({}).report;
    expect(r.spotEnvironments).toEqual(['dev', 'staging', 'test']);
    expect(r.environmentTag).toBe('env');
    expect(r.costOptimizationHub).toBe(false);
    expect(r.spotDiscountPct).toBe(70);
  });

  it('takes the environments, tag key and Cost Optimization Hub from report', () => {
    const r = parseConfig({ report: { spotEnvironments: ['qa'], environmentTag: 'Environment', costOptimizationHub: true } }).report;
    expect(r).toMatchObject({ spotEnvironments: ['qa'], environmentTag: 'Environment', costOptimizationHub: true });
  });

  it('names the key path of a bad value', () => {
    expect(messageOf({ report: { spotEnvironments: 'dev' } })).toContain('report.spotEnvironments');
    expect(messageOf({ report: { spotEnvironments: [''] } })).toContain('report.spotEnvironments[0]');
    expect(messageOf({ report: { environmentTag: '' } })).toContain('report.environmentTag');
    expect(messageOf({ report: { costOptimizationHub: 'yes' } })).toContain('report.costOptimizationHub');
    expect(messageOf({ report: { spotDiscountPct: 100 } })).toContain('report.spotDiscountPct');
  });
});
