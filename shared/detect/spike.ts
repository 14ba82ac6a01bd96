import { roundCents, roundPct } from '../money.js';

export type SpikeSeverity = 'none' | 'warning' | 'critical';

export interface SpikeRules {
  readonly warningPct: number;
  readonly criticalPct: number;
  /** Smallest increase, in currency units, worth waking someone for. */
  readonly minDelta: number;
}

export interface ChangeAssessment {
  readonly amount: number;
  readonly previous: number;
  /** null when the baseline was 0: a percent of nothing means nothing. */
  readonly changePct: number | null;
  readonly severity: SpikeSeverity;
}

/**
 * The contract's spike rule. Amounts are compared after rounding to cents so
 * that what is reported is exactly what was judged.
 */
export function assessChange(amountRaw: number, previousRaw: number, rules: SpikeRules): ChangeAssessment {
  const amount = roundCents(amountRaw);
  const previous = roundCents(previousRaw);
  const delta = roundCents(amount - previous);
  if (previous <= 0) {
    if (amount <= 0) return { amount, previous, changePct: 0, severity: 'none' };
    const severity = amount >= rules.minDelta && amount > 0 ? 'critical' : 'none';
    return { amount, previous, changePct: null, severity };
  }
  const changePct = roundPct(((amount - previous) / previous) * 100);
  const exactPct = ((amount - previous) / previous) * 100;
  let severity: SpikeSeverity = 'none';
  if (delta >= rules.minDelta) {
    if (exactPct > rules.criticalPct) severity = 'critical';
    else if (exactPct > rules.warningPct) severity = 'warning';
  }
  return { amount, previous, changePct, severity };
}
