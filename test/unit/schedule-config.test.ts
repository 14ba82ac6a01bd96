import { describe, expect, it } from 'vitest';
import { scheduleProblem } from '../../shared/config/schedule.js';
import { configErrorOf } from '../support/config-errors.js';
import { parseConfig } from '../../shared/config/load.js';

describe('schedule expressions', () => {
  it.each([
    'cron(0 10 * * ? *)',
    'cron(0 8 ? * MON *)',
    'cron(0 9 3 * ? *)',
    'cron(0/15 * * * ? *)',
    'cron(*/5 8-17 ? * MON-FRI *)',
    'cron(15 10 ? * 6L 2026-2030)',
    'cron(0 12 L * ? *)',
    'cron(0 12 LW * ? *)',
    'cron(0 12 15W * ? *)',
    'cron(0 12 ? * 3#2 *)',
    'cron(0 12 ? * TUE#2 *)',
    'cron(0 12 ? * FRIL *)',
    'cron(0 12 ? * L *)',
    'cron(0,30 1,13 1,15 JAN,jul ? *)',
    'cron(59 23 31 DEC ? 2199)',
    'cron(0 0 ? * 1-7 1970)',
    'rate(1 minute)',
    'rate(5 minutes)',
    'rate(1 hour)',
    'rate(8 hours)',
    'rate(1 day)',
    'rate(30 days)',
  ])('accepts %s', (expression) => {
    expect(scheduleProblem(expression)).toBeNull();
  });

  it.each([
    ['cron(0 10 * * * *)', 'exactly one of day-of-month and day-of-week'],
    ['cron(0 10 ? * ? *)', 'exactly one of day-of-month and day-of-week'],
    ['cron(every monday)', 'six fields'],
    ['cron(0 10 * * ?)', 'six fields'],
    ['cron(0 10 * * ? * *)', 'six fields'],
    ['cron(0  10 * * ? *)', 'six fields'],
    ['cron(60 10 * * ? *)', 'minutes field "60"'],
    ['cron(0 24 * * ? *)', 'hours field "24"'],
    ['cron(0 10 0 * ? *)', 'day-of-month field "0"'],
    ['cron(0 10 32 * ? *)', 'day-of-month field "32"'],
    ['cron(0 10 * 13 ? *)', 'month field "13"'],
    ['cron(0 10 * FOO ? *)', 'month field "FOO"'],
    ['cron(0 10 ? * 8 *)', 'day-of-week field "8"'],
    ['cron(0 10 ? * MOO *)', 'day-of-week field "MOO"'],
    ['cron(0 10 * * ? 1969)', 'year field "1969"'],
    ['cron(0 10 * * ? 2200)', 'year field "2200"'],
    ['cron(0/0 10 * * ? *)', 'minutes field "0/0"'],
    ['cron(0 10 L * ? W)', 'year field "W"'],
    ['cron(L 10 * * ? *)', 'minutes field "L"'],
    ['cron(0 10 ? * 3#6 *)', 'day-of-week field "3#6"'],
    ['cron(0 10 3#2 * ? *)', 'day-of-month field "3#2"'],
    ['cron(0 10 32W * ? *)', 'day-of-month field "32W"'],
    ['cron(0 1-2-3 * * ? *)', 'hours field "1-2-3"'],
    ['cron(0 10 * * ? ,)', 'year field ","'],
    ['rate(0 hours)', 'positive whole number'],
    ['rate(1 hours)', 'singular'],
    ['rate(1 days)', 'singular'],
    ['rate(5 hour)', 'plural'],
    ['rate(-5 hours)', 'positive whole number'],
    ['rate(1.5 hours)', 'positive whole number'],
    ['rate(5 weeks)', 'minute(s)|hour(s)|day(s)'],
    ['rate(5hours)', 'minute(s)|hour(s)|day(s)'],
    ['rate(08 hours)', 'leading zeros'],
    ['at(2026-01-01T00:00:00)', 'EventBridge expression'],
    ['cron(0 10 * * ? *) ', 'EventBridge expression'],
  ])('rejects %s', (expression, problem) => {
    expect(scheduleProblem(expression)).toContain(problem);
  });
});

describe('schedules config', () => {
  it('rejects a schedule EventBridge would reject, naming the key', () => {
    expect(configErrorOf({ schedules: { dailySpend: 'cron(0 10 * * * *)' } })).toMatch(/schedules\.dailySpend/);
    expect(configErrorOf({ schedules: { budgets: 'rate(1 hours)' } })).toMatch(/schedules\.budgets.*singular/);
    expect(configErrorOf({ schedules: { idleResources: 'cron(every monday)' } })).toMatch(/schedules\.idleResources/);
    expect(configErrorOf({ schedules: { monthlyReport: 'rate(0 hours)' } })).toMatch(/schedules\.monthlyReport/);
  });

  it('keeps the default schedules valid', () => {
    const { schedules } = parseConfig({});
    for (const expression of Object.values(schedules)) expect(scheduleProblem(expression)).toBeNull();
  });
});
