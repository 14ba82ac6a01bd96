import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../shared/config/load.js';
import { configErrorOf as messageOf } from '../support/config-errors.js';

describe('config schema', () => {
  it('fills every default from the contract', () => {
    const c = parseConfig({});
    expect(c.currency).toBe('USD');
    expect(c.dailySpend).toEqual({
      warningPct: 20,
      criticalPct: 50,
      minDelta: 10,
      metric: 'UnblendedCost',
      baseline: 'seasonal',
      recheckDays: 2,
    });
    expect(c.idle).toMatchObject({ regions: ['us-east-1'], cpuThresholdPct: 5, lookbackDays: 14, exemptTag: 'cost-watch:ignore' });
    expect(c.budgets.actualThresholds.map((t) => t.pct)).toEqual([50, 75, 90, 100]);
    expect(c.budgets.forecastThresholds).toEqual([{ pct: 100, severity: 'warning' }]);
    expect(c.report.prefix).toBe('reports/');
    expect(c.notify.slack).toBeUndefined();
  });

  it('accepts the full example from the contract', () => {
    const c = parseConfig({
      currency: 'USD',
      dailySpend: { warningPct: 20, criticalPct: 50, minDelta: 10, metric: 'UnblendedCost', baseline: 'previous-day', recheckDays: 2 },
      idle: { regions: ['us-east-1'], cpuThresholdPct: 5, lookbackDays: 14, exemptTag: 'cost-watch:ignore' },
      budgets: {
        accountId: '123456789012',
        actualThresholds: [{ pct: 50, severity: 'info' }],
        forecastThresholds: [{ pct: 100, severity: 'warning' }],
      },
      report: { bucket: 'cost-watch-reports', prefix: 'reports/', groupByTags: ['team', 'environment'], emails: ['finance@example.com'] },
      notify: {
        slack: { channel: '#cost-alerts', tokenSecretId: 'cost-watch/slack-bot-token' },
        alertTopicArn: 'arn:aws:sns:us-east-1:123456789012:cost-watch-alerts',
        reportTopicArn: 'arn:aws:sns:us-east-1:123456789012:cost-watch-reports',
      },
      ledgerTable: 'cost-watch-ledger',
    });
    expect(c.report.groupByTags).toEqual(['team', 'environment']);
    expect(c.idle.regions).toEqual(['us-east-1']);
  });

  it('names an unknown key with its path', () => {
    expect(messageOf({ dailySpend: { warningPCT: 20 } })).toMatch(/dailySpend\.warningPCT: unknown key/);
  });

  it('rejects negative and non-numeric thresholds, naming the key', () => {
    expect(messageOf({ dailySpend: { warningPct: -5 } })).toMatch(/dailySpend\.warningPct: expected a number above 0/);
    expect(messageOf({ dailySpend: { minDelta: 'ten' } })).toMatch(/dailySpend\.minDelta: expected a number/);
  });

  it('rejects criticalPct below warningPct', () => {
    expect(messageOf({ dailySpend: { warningPct: 60, criticalPct: 40 } })).toMatch(
      /dailySpend\.criticalPct: expected criticalPct \(40\) to be at least warningPct \(60\)/,
    );
  });

  it('rejects budget tiers out of order, duplicated or out of range', () => {
    const t = (pct: number) => ({ pct, severity: 'info' });
    expect(messageOf({ budgets: { actualThresholds: [t(80), t(50)] } })).toMatch(
      /budgets\.actualThresholds\[1\]\.pct: expected thresholds in ascending order/,
    );
    expect(messageOf({ budgets: { actualThresholds: [t(50), t(50)] } })).toMatch(
      /budgets\.actualThresholds\[1\]\.pct: duplicate threshold/,
    );
    expect(messageOf({ budgets: { forecastThresholds: [t(1001)] } })).toMatch(
      /budgets\.forecastThresholds\[0\]\.pct: expected a percent from 1 to 1000/,
    );
  });

  it('explains malformed JSON and a missing --config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-config-'));
    writeFileSync(join(dir, 'bad.json'), '{ "currency": ');
    expect(() => loadConfig('bad.json', dir)).toThrow(/malformed JSON/);
    expect(() => loadConfig('missing.json', dir)).toThrow(/--config: file not found: missing.json/);
  });

  it('uses ./cost-watch.config.json when present and defaults when not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-config-'));
    expect(loadConfig(undefined, dir).file).toBeUndefined();
    writeFileSync(join(dir, 'cost-watch.config.json'), JSON.stringify({ currency: 'EUR' }));
    const loaded = loadConfig(undefined, dir);
    expect(loaded.config.currency).toBe('EUR');
    expect(loaded.file).toBe(join(dir, 'cost-watch.config.json'));
  });
});
