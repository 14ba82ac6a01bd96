import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../cli/args.js';

const now = new Date('2026-11-23T12:00:00Z');
const usage = (argv: string[]) => {
  try {
    parseCommand(argv, now);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`expected ${argv.join(' ')} to be rejected`);
};

describe('CLI arguments', () => {
  it('parses a full run command', () => {
    expect(parseCommand(['run', 'daily-spend', '--date', '2026-11-20', '--dry-run', '--json', '--config', 'c.json'], now)).toEqual({
      kind: 'run',
      job: 'daily-spend',
      config: 'c.json',
      date: '2026-11-20',
      month: undefined,
      allowPartial: false,
      dryRun: true,
      json: true,
    });
  });

  it('rejects an unknown job naming the choices', () => {
    expect(usage(['run', 'dayly-spend'])).toBe(
      'unknown job "dayly-spend": expected one of daily-spend, idle-resources, budgets, monthly-report',
    );
  });

  it('rejects impossible and future dates', () => {
    expect(usage(['run', 'daily-spend', '--date', '2026-02-30'])).toBe('--date: expected a real calendar date as YYYY-MM-DD');
    expect(usage(['run', 'daily-spend', '--date', '2026-11-24'])).toBe(
      '--date: 2026-11-24 is not complete yet; the latest complete day is 2026-11-22',
    );
    expect(usage(['run', 'idle-resources', '--date', '2026-11-24'])).toMatch(/^--date: expected a date no later than today/);
  });

  it('needs --allow-partial for the current month and refuses future months', () => {
    expect(usage(['run', 'monthly-report', '--month', '2026-11'])).toMatch(/--month: 2026-11 is not finished yet: add --allow-partial/);
    expect(parseCommand(['run', 'monthly-report', '--month', '2026-11', '--allow-partial'], now)).toMatchObject({
      month: '2026-11',
      allowPartial: true,
    });
    expect(usage(['run', 'monthly-report', '--month', '2026-12'])).toMatch(/--month: expected a month no later than the current one/);
    expect(usage(['run', 'monthly-report', '--month', '2026-13'])).toMatch(/--month: expected a calendar month/);
  });

  it('rejects unknown flags and stray arguments', () => {
    expect(usage(['run', 'daily-spend', '--bogus'])).toMatch(/Unknown option '--bogus'/);
    expect(usage(['run', 'daily-spend', 'extra'])).toMatch(/unexpected argument "extra"/);
    expect(usage(['frobnicate'])).toMatch(/unknown command "frobnicate"/);
    expect(usage([])).toMatch(/missing command/);
  });

  it('answers --help at every level', () => {
    expect(parseCommand(['--help'], now)).toEqual({ kind: 'help', topic: 'main' });
    expect(parseCommand(['run', '--help'], now)).toEqual({ kind: 'help', topic: 'run' });
    expect(parseCommand(['run', 'budgets', '-h'], now)).toEqual({ kind: 'help', topic: 'run' });
    expect(parseCommand(['validate-config', '--help'], now)).toEqual({ kind: 'help', topic: 'validate-config' });
  });
});
