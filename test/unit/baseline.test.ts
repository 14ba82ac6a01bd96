import { describe, expect, it } from 'vitest';
import { baselineFor, baselineSpan } from '../../shared/detect/baseline.js';

const series: Record<string, number> = {
  '2026-11-12': 70,
  '2026-11-13': 10,
  '2026-11-14': 20,
  '2026-11-15': 30,
  '2026-11-16': 40,
  '2026-11-17': 50,
  '2026-11-18': 60,
  '2026-11-19': 1000,
};
const on = (d: string) => series[d] ?? 0;

describe('baselines', () => {
  it('previous-day compares with the day before', () => {
    expect(baselineFor('previous-day', '2026-11-19', on)).toBe(60);
  });

  it('same-weekday compares with the same weekday a week earlier', () => {
    expect(baselineFor('same-weekday', '2026-11-19', on)).toBe(70);
  });

  it('median-7 takes the median of the seven days before', () => {
    expect(baselineFor('median-7', '2026-11-19', on)).toBe(40);
  });

  it('median-7 of an even count of known values still uses all seven days (missing days are zero)', () => {
    expect(baselineFor('median-7', '2026-11-14', on)).toBe(0);
  });

  it('says how much history each baseline needs', () => {
    expect([baselineSpan('previous-day'), baselineSpan('same-weekday'), baselineSpan('median-7')]).toEqual([1, 7, 7]);
  });
});
