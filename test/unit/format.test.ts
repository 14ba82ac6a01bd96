import { describe, expect, it } from 'vitest';
import {
  agree,
  countOf,
  formatBytes,
  formatChange,
  formatCount,
  formatMoney,
  formatPercent,
  formatPoints,
  formatSignedMoney,
  formatUnitCost,
} from '../../shared/format.js';

describe('figure formatting', () => {
  it('writes money to the cent with the currency, and a code for a currency Intl does not know', () => {
    expect(formatMoney(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney(0, 'USD')).toBe('$0.00');
    expect(formatMoney(-13.08, 'USD')).toBe('-$13.08');
    expect(formatMoney(12, 'EUR')).toBe('€12.00');
    expect(formatMoney(12, 'NOPE1')).toBe('12.00 NOPE1');
  });

  it('signs a difference of money with an ASCII plus or minus', () => {
    expect(formatSignedMoney(215, 'USD')).toBe('+$215.00');
    expect(formatSignedMoney(-1071.8, 'USD')).toBe('-$1,071.80');
    expect(formatSignedMoney(0, 'USD')).toBe('$0.00');
  });

  it('keeps 4 significant digits and the currency in a cost per unit', () => {
    expect(formatUnitCost(0.042811, 'USD')).toBe('$0.04281');
    expect(formatUnitCost(0.05, 'USD')).toBe('$0.05');
    expect(formatUnitCost(12.3456, 'USD')).toBe('$12.35');
    expect(formatUnitCost(null, 'USD')).toBe('n/a');
  });

  it('gives every percent one decimal, under 100 and over it alike', () => {
    expect(formatPercent(80)).toBe('80.0%');
    expect(formatPercent(105)).toBe('105.0%');
    expect(formatPercent(1333.46)).toBe('1333.5%');
    expect(formatPercent(4)).toBe('4.0%');
    expect(formatPercent(-0.01)).toBe('0.0%');
    expect(formatPercent(null)).toBe('n/a');
  });

  it('signs changes and points the same way, and calls a change from nothing new spend', () => {
    expect(formatChange(57.24)).toBe('+57.2%');
    expect(formatChange(-0.3)).toBe('-0.3%');
    expect(formatChange(150)).toBe('+150.0%');
    expect(formatChange(0.01)).toBe('0.0%');
    expect(formatChange(null)).toBe('new spend');
    expect(formatPoints(-1)).toBe('-1.0 pp');
    expect(formatPoints(2.93)).toBe('+2.9 pp');
  });

  it('puts a count and its noun in the same number', () => {
    expect(countOf(1, 'instance')).toBe('1 instance');
    expect(countOf(0, 'instance')).toBe('0 instances');
    expect(countOf(21316, 'lead')).toBe('21,316 leads');
    expect(countOf(2, 'delivery', 'deliveries')).toBe('2 deliveries');
    expect(`${countOf(1, 'instance')} ${agree(1, 'is', 'are')}`).toBe('1 instance is');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('writes storage in binary units with one decimal, and small sizes in bytes', () => {
    expect(formatBytes(5 * 2 ** 40)).toBe('5.0 TiB');
    expect(formatBytes(1536 * 2 ** 20)).toBe('1.5 GiB');
    expect(formatBytes(1023)).toBe('1,023 bytes');
    expect(formatBytes(0)).toBe('0 bytes');
  });
});
