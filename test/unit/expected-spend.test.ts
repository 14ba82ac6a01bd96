import { describe, expect, it } from 'vitest';
import { assessChange } from '../../shared/detect/spike.js';
import { describeBasis, expectedSpend, judgeDay } from '../../shared/detect/expected/index.js';
import { addDays } from '../../shared/time/dates.js';
import { day, isWeekend, RULES, seriesOf, wobble } from '../support/expected-series.js';

// 2026-01-05 is a Monday; nine weeks of history end on Sunday 2026-03-08.
const FROM = '2026-01-05';
const MONDAY = '2026-03-09';
const SUNDAY = '2026-03-08';

describe('expected spend', () => {
  describe('weekday rhythm', () => {
    const officeHours = seriesOf(FROM, MONDAY, (d, i) => (isWeekend(d) ? 330 : 600) * wobble(i, 2));

    it('expects a Monday at the weekday level, not at the Sunday before it', () => {
      const e = expectedSpend(officeHours, MONDAY);
      expect(e.basis).toBe('seasonal');
      expect(e.amount).toBeGreaterThan(570);
      expect(e.amount).toBeLessThan(630);
      expect(expectedSpend(officeHours, SUNDAY).amount).toBeLessThan(350);
    });

    it('keeps a normal Monday quiet where the previous-day baseline calls it critical', () => {
      expect(judgeDay(officeHours, MONDAY, RULES).severity).toBe('none');
      const monday = officeHours.amountOn(MONDAY);
      expect(assessChange(monday, officeHours.amountOn(SUNDAY), RULES).severity).toBe('critical');
    });

    it('still calls a Monday far above a Monday critical', () => {
      const spiked = seriesOf(FROM, MONDAY, (d, i) => (d === MONDAY ? 1000 : (isWeekend(d) ? 330 : 600) * wobble(i, 2)));
      const j = judgeDay(spiked, MONDAY, RULES);
      expect(j.severity).toBe('critical');
      expect(describeBasis(j, 'USD')).toMatch(/^about \$6\d0 expected for a Monday$/);
    });
  });

  describe('amounts that post on one day of the month', () => {
    // Hosted zones bill $55 on the 1st; queries cost $1.50 a day; 2026-04-01 has two earlier 1sts in its window.
    const zones = seriesOf('2026-01-01', '2026-04-01', (d) => 1.5 + (d.endsWith('-01') ? 55 : 0));

    it('expects the monthly posting on the 1st and nothing extra on the 2nd', () => {
      const first = expectedSpend(zones, '2026-04-01');
      expect(first.monthlyExtra).toBeGreaterThan(50);
      expect(judgeDay(zones, '2026-04-01', RULES).severity).toBe('none');
      expect(describeBasis(judgeDay(zones, '2026-04-01', RULES), 'USD')).toContain('the 1st of the month');
      expect(expectedSpend(zones, '2026-03-02').monthlyExtra).toBe(0);
    });

    it('does not learn a one-off spike as monthly: the same day next month still alerts', () => {
      const oneOff = seriesOf('2026-01-01', '2026-04-15', (d) => (d === '2026-03-15' ? 300 : 100));
      expect(expectedSpend(oneOff, '2026-04-15').monthlyExtra).toBe(0);
      const again = seriesOf('2026-01-01', '2026-04-15', (d) => (d === '2026-03-15' || d === '2026-04-15' ? 300 : 100));
      expect(judgeDay(again, '2026-04-15', RULES).severity).toBe('critical');
    });

    it('needs every earlier month in the window to show it, not only the last one', () => {
      const newFee = seriesOf('2026-01-01', '2026-04-01', (d) => 100 + (d === '2026-03-01' ? 500 : 0));
      expect(expectedSpend(newFee, '2026-04-01').monthlyExtra).toBe(0);
    });
  });

  describe('trend and robustness', () => {
    it('follows steady growth instead of lagging a week behind it', () => {
      const growing = seriesOf(FROM, MONDAY, (_d, i) => 500 * 1.008 ** i);
      const e = expectedSpend(growing, MONDAY);
      const actual = growing.amountOn(MONDAY);
      expect(e.growthPerDay).toBeGreaterThan(0.006);
      expect(Math.abs(e.amount - actual) / actual).toBeLessThan(0.015);
    });

    it('is not moved by spikes in its own history', () => {
      const clean = seriesOf(FROM, MONDAY, (d, i) => (isWeekend(d) ? 330 : 600) * wobble(i, 2));
      const spikes = new Set([addDays(MONDAY, -3), addDays(MONDAY, -14), addDays(MONDAY, -21)]);
      const spiky = seriesOf(FROM, MONDAY, (d, i) => (spikes.has(d) ? 5 : 1) * (isWeekend(d) ? 330 : 600) * wobble(i, 2));
      const [a, b] = [expectedSpend(clean, MONDAY).amount, expectedSpend(spiky, MONDAY).amount];
      expect(Math.abs(a - b) / a).toBeLessThan(0.02);
    });
  });

  describe('short history', () => {
    it('uses the median of the days it has when there are under two weeks', () => {
      const young = seriesOf('2026-03-04', MONDAY, (d) => (d === '2026-03-05' ? 900 : 100));
      const e = expectedSpend(young, MONDAY);
      expect(e.basis).toBe('short');
      expect(e.historyDays).toBe(5);
      expect(e.amount).toBe(100);
    });

    it('treats a series with no history as new spend, critical with no percentage', () => {
      const brandNew = seriesOf(MONDAY, MONDAY, () => 50);
      const j = judgeDay(brandNew, MONDAY, RULES);
      expect(j.expected.basis).toBe('new');
      expect(j).toMatchObject({ compared: 0, changePct: null, severity: 'critical' });
      expect(describeBasis(j, 'USD')).toBe('new spend');
    });

    it('counts days before the first covered day as unknown, not as zero', () => {
      const covered = seriesOf(day(MONDAY, -3), MONDAY, () => 100);
      expect(expectedSpend(covered, MONDAY).historyDays).toBe(3);
      expect(judgeDay(covered, MONDAY, RULES).severity).toBe('none');
    });
  });
});
