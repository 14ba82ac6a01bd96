import { describe, expect, it } from 'vitest';
import { evaluateDailySpend, type DaySpend } from '../../shared/detect/daily-spend.js';
import { addDays, dayRange } from '../../shared/time/dates.js';

const rules = { warningPct: 20, criticalPct: 50, minDelta: 10, baseline: 'previous-day' as const, recheckDays: 0 };

function days(from: string, to: string, byService: (d: string) => Record<string, number>, estimatedFrom?: string): DaySpend[] {
  return dayRange(from, to).map((d) => ({
    date: d,
    estimated: estimatedFrom !== undefined && d >= estimatedFrom,
    byService: new Map(Object.entries(byService(d))),
  }));
}

describe('daily spend evaluation', () => {
  it('flags the service that jumped and the total, but not the steady ones', () => {
    const data = days('2026-11-01', '2026-11-20', (d) => ({ EC2: d === '2026-11-20' ? 160 : 100, S3: 50, Lambda: 5 }));
    const ev = evaluateDailySpend(data, '2026-11-20', rules);
    expect(ev.spikes.map((s) => [s.scope, s.key, s.severity])).toEqual([
      ['total', 'total', 'warning'],
      ['service', 'EC2', 'critical'],
    ]);
    expect(ev.total).toMatchObject({ amount: 215, previous: 155 });
  });

  it('adds up month-to-date spend from the first of the month', () => {
    const data = days('2026-10-25', '2026-11-03', () => ({ EC2: 10 }));
    expect(evaluateDailySpend(data, '2026-11-03', rules).monthToDate).toBe(30);
  });

  it('re-checks earlier days and dates their spikes', () => {
    const data = days('2026-11-01', '2026-11-20', (d) => ({ EC2: d === '2026-11-18' ? 300 : 100 }));
    const ev = evaluateDailySpend(data, '2026-11-20', { ...rules, recheckDays: 2 });
    expect(ev.spikes.filter((s) => s.scope === 'service').map((s) => s.date)).toEqual(['2026-11-18']);
    const off = evaluateDailySpend(data, '2026-11-20', rules);
    expect(off.spikes).toEqual([]);
  });

  it('marks the day estimated when Cost Explorer does', () => {
    const data = days('2026-11-01', '2026-11-20', () => ({ EC2: 100 }), '2026-11-20');
    expect(evaluateDailySpend(data, '2026-11-20', rules).estimated).toBe(true);
    expect(evaluateDailySpend(data, '2026-11-19', rules).estimated).toBe(false);
  });

  it('treats a day missing from the data as zero spend, so new spend is critical', () => {
    const data = days('2026-11-19', '2026-11-20', (d): Record<string, number> => (d === '2026-11-20' ? { Bedrock: 40 } : {}));
    const ev = evaluateDailySpend(data, '2026-11-20', rules);
    const bedrock = ev.spikes.find((s) => s.key === 'Bedrock');
    expect(bedrock).toMatchObject({ changePct: null, severity: 'critical', previous: 0 });
  });

  it('gives each spike the last seven days for its sparkline', () => {
    const end = '2026-11-20';
    const data = days('2026-11-01', end, (d) => ({ EC2: d === end ? 500 : 100 + Number(d.slice(8)) }));
    const spike = evaluateDailySpend(data, end, rules).spikes.find((s) => s.key === 'EC2')!;
    expect(spike.series).toHaveLength(7);
    expect(spike.series.at(-1)).toBe(500);
    expect(spike.series[0]).toBe(100 + Number(addDays(end, -6).slice(8)));
  });

  it('uses the weekly baseline so a routine Monday batch is not a spike', () => {
    const data = days('2026-11-01', '2026-11-23', (d) => ({ Batch: new Date(`${d}T00:00:00Z`).getUTCDay() === 1 ? 200 : 100 }));
    const monday = '2026-11-23';
    expect(evaluateDailySpend(data, monday, rules).spikes.length).toBeGreaterThan(0);
    expect(evaluateDailySpend(data, monday, { ...rules, baseline: 'same-weekday' }).spikes).toEqual([]);
  });
});
