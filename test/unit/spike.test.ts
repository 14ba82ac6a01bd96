import { describe, expect, it } from 'vitest';
import { assessChange } from '../../shared/detect/spike.js';

const rules = { warningPct: 20, criticalPct: 50, minDelta: 10 };

describe('spike rule', () => {
  it('calls a 60% rise critical', () => {
    const result = assessChange(160, 100, rules);
    expect(result).toEqual({ amount: 160, previous: 100, changePct: 60, severity: 'critical' });
  });

  it('calls a 25% rise a warning', () => {
    expect(assessChange(125, 100, rules).severity).toBe('warning');
  });

  it('needs strictly more than the threshold: exactly 20% is no spike', () => {
    expect(assessChange(120, 100, rules).severity).toBe('none');
    expect(assessChange(150, 100, rules).severity).toBe('warning');
  });

  it('ignores a large percentage on a small amount below minDelta', () => {
    const tiny = assessChange(0.09, 0.02, rules);
    expect(tiny.changePct).toBe(350);
    expect(tiny.severity).toBe('none');
  });

  it('treats new spend of at least minDelta as critical with a null change', () => {
    expect(assessChange(12, 0, rules)).toEqual({ amount: 12, previous: 0, changePct: null, severity: 'critical' });
    expect(assessChange(9.99, 0, rules).severity).toBe('none');
  });

  it('reports no change, not new spend, when both days are zero', () => {
    expect(assessChange(0, 0, rules)).toEqual({ amount: 0, previous: 0, changePct: 0, severity: 'none' });
  });

  it('never alerts on a decrease', () => {
    const drop = assessChange(40, 100, rules);
    expect(drop.changePct).toBe(-60);
    expect(drop.severity).toBe('none');
  });

  it('rounds amounts to cents before judging', () => {
    const r = assessChange(130.004, 100.001, rules);
    expect(r.amount).toBe(130);
    expect(r.previous).toBe(100);
  });
});
