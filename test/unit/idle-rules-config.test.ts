import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/load.js';
import { configErrorOf as messageOf } from '../support/config-errors.js';

describe('idle.rules config', () => {
  it('enables every rule by default with the contract thresholds', () => {
    const rules = parseConfig({}).idle.rules;
    expect(Object.keys(rules)).toHaveLength(9);
    expect(Object.values(rules).every((r) => r.enabled)).toBe(true);
    expect(rules['idle-nat-gateway']).toEqual({ enabled: true, maxGiB: 1 });
  });

  it('takes enabled: false and options, keeping the other defaults', () => {
    const rules = parseConfig({ idle: { rules: { 'idle-rds': { enabled: false }, 'orphaned-snapshot': { minAgeDays: 0 } } } }).idle.rules;
    expect(rules['idle-rds']).toEqual({ enabled: false });
    expect(rules['orphaned-snapshot']).toEqual({ enabled: true, minAgeDays: 0 });
    expect(rules['stopped-instance']).toEqual({ enabled: true, minDays: 30 });
  });

  it('names an unknown rule by its key path', () => {
    expect(messageOf({ idle: { rules: { 'idle-redshift': { enabled: true } } } })).toMatch(/idle\.rules\.idle-redshift: unknown key/);
  });

  it('names an unknown option by its key path', () => {
    expect(messageOf({ idle: { rules: { 'idle-nat-gateway': { maxGB: 2 } } } })).toMatch(
      /idle\.rules\.idle-nat-gateway\.maxGB: unknown key/,
    );
  });

  it('names a bad value by its key path and says what was expected', () => {
    expect(messageOf({ idle: { rules: { 'stopped-instance': { minDays: -1 } } } })).toMatch(
      /idle\.rules\.stopped-instance\.minDays: expected 0 or more/,
    );
    expect(messageOf({ idle: { rules: { 'gp2-volume': { enabled: 'no' } } } })).toMatch(
      /idle\.rules\.gp2-volume\.enabled: expected true or false/,
    );
    expect(messageOf({ idle: { rules: { 'idle-nat-gateway': { maxGiB: 'one' } } } })).toMatch(
      /idle\.rules\.idle-nat-gateway\.maxGiB: expected a number/,
    );
  });
});
