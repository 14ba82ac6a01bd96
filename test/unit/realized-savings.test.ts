import { describe, expect, it } from 'vitest';
import { monthlyOf, resolvedFindings, type ComparedFinding, type ScannedScope } from '../../shared/detect/ownership/realized.js';

const f = (rule: string, id: string, cost: number | null, region = 'us-east-1', account: string | null = null): ComparedFinding => ({
  rule,
  account,
  region,
  id,
  estimatedMonthlyCost: cost,
});
const RULES = ['unattached-volume', 'idle-instance', 'gp2-volume', 'stopped-instance'];
const scope = (region: string, stillPaidIds: string[] = [], rules = RULES, account: string | null = null): ScannedScope => ({
  account,
  region,
  rules,
  stillPaidIds,
});

describe('realized savings', () => {
  const previous = [f('unattached-volume', 'vol-gone', 8), f('idle-instance', 'i-busy', 70), f('unattached-volume', 'vol-still', 10)];

  it('counts the previous findings that are gone, most expensive first, with their monthly sum', () => {
    const resolved = resolvedFindings(previous, [f('unattached-volume', 'vol-still', 10)], [scope('us-east-1')]);
    expect(resolved).toEqual([f('idle-instance', 'i-busy', 70), f('unattached-volume', 'vol-gone', 8)]);
    expect(monthlyOf(resolved)).toBe(78);
  });

  it('never counts a scope that was not scanned this time, or a rule that did not run there', () => {
    expect(resolvedFindings(previous, [], [scope('eu-west-1')])).toEqual([]);
    expect(resolvedFindings(previous, [], [scope('us-east-1', [], ['idle-instance'])])).toEqual([f('idle-instance', 'i-busy', 70)]);
  });

  it('does not count a resource exempted since, or one now priced inside another finding', () => {
    expect(resolvedFindings(previous, [], [scope('us-east-1', ['vol-gone', 'i-busy', 'vol-still'])])).toEqual([]);
  });

  it('does not count a resource that is still a finding under another rule', () => {
    expect(resolvedFindings([f('gp2-volume', 'vol-1', 2)], [f('unattached-volume', 'vol-1', 10)], [scope('us-east-1')])).toEqual([]);
  });

  it('tells accounts apart in an organization', () => {
    const before = [f('unattached-volume', 'vol-1', 5, 'us-east-1', '111111111111')];
    const now = [f('unattached-volume', 'vol-1', 5, 'us-east-1', '222222222222')];
    const scanned = [scope('us-east-1', [], RULES, '111111111111'), scope('us-east-1', [], RULES, '222222222222')];
    expect(resolvedFindings(before, now, scanned)).toEqual(before);
  });

  it('adds nothing for unpriced findings', () => {
    expect(monthlyOf([{ ...f('idle-rds', 'db-1', null) }, f('unattached-volume', 'v', 3.333)])).toBe(3.33);
  });
});
