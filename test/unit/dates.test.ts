import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, monthEndExclusive, parseIsoDate, parseIsoMonth, weekStart, yesterday } from '../../shared/time/dates.js';

describe('calendar helpers', () => {
  it('rejects dates that do not exist', () => {
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('2026-2-3')).toBeUndefined();
    expect(parseIsoDate('2028-02-29')).toBe('2028-02-29');
  });

  it('rejects months outside 01..12', () => {
    expect(parseIsoMonth('2026-13')).toBeUndefined();
    expect(parseIsoMonth('2026-00')).toBeUndefined();
    expect(parseIsoMonth('2026-12')).toBe('2026-12');
  });

  it('takes yesterday in UTC whatever the local hour', () => {
    expect(yesterday(new Date('2026-11-23T00:30:00Z'))).toBe('2026-11-22');
  });

  it('rolls months over the year end', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthEndExclusive('2026-12')).toBe('2027-01-01');
    expect(daysInMonth('2028-02')).toBe(29);
  });

  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
  });
});
