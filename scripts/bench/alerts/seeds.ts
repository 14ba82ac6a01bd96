import { realisticScenario } from '../../../emulators/scenarios/realistic/index.js';
import type { IsoDate } from '../../../shared/time/dates.js';
import { replay, type ReplayRules, type Variant } from './replay.js';
import { score } from './score.js';
import { billViews } from './views.js';

export interface SeedSummary {
  readonly name: string;
  readonly found: number;
  readonly onTime: number;
  readonly planted: number;
  readonly falsePer30: number;
  readonly maxFalseInASeed: number;
  readonly repeats: number;
}

/** The same replay over other seeds' bills: one lucky seed proves nothing. */
export function acrossSeeds(
  seeds: readonly number[],
  variants: readonly Variant[],
  from: IsoDate,
  to: IsoDate,
  rules: ReplayRules,
): SeedSummary[] {
  const totals = variants.map((v) => ({
    name: v.name,
    found: 0,
    onTime: 0,
    planted: 0,
    falseAlerts: 0,
    days: 0,
    maxFalseInASeed: 0,
    repeats: 0,
  }));
  for (const seed of seeds) {
    const scenario = realisticScenario({ seed });
    const views = billViews(scenario.records, scenario.start);
    variants.forEach((variant, i) => {
      const s = score(replay(views, variant, from, to, rules).alerts, scenario.anomalies, from, to);
      const t = totals[i]!;
      t.found += s.outcomes.filter((o) => o.daysLate !== undefined).length;
      t.onTime += s.outcomes.filter((o) => o.onTime).length;
      t.planted += s.outcomes.length;
      t.falseAlerts += s.falseAlerts.length;
      t.maxFalseInASeed = Math.max(t.maxFalseInASeed, s.falseAlerts.length);
      t.repeats += s.outcomes.reduce((a, o) => a + o.repeats, 0);
      t.days += s.days;
    });
  }
  return totals.map((t) => ({ ...t, falsePer30: (t.falseAlerts * 30) / t.days }));
}
