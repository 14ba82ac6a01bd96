import { assessChange, type SpikeRules, type SpikeSeverity } from '../../../shared/detect/spike.js';
import { baselineFor, type BaselineKind } from '../../../shared/detect/baseline.js';
import { judgeCharges, seriesFromMap, seriesJudge, type SeriesJudge } from '../../../shared/detect/expected/index.js';
import { addDays, dayRange, monthOf, type IsoDate } from '../../../shared/time/dates.js';
import { TOTAL, type BillViews, type DayAmounts } from './views.js';

export type Variant =
  | { readonly name: string; readonly kind: 'seasonal' }
  | { readonly name: string; readonly kind: 'old'; readonly baseline: BaselineKind; readonly split: boolean };

export interface SentAlert {
  /** The `--date` of the run that sent it. */
  readonly runDate: IsoDate;
  /** The day judged (a re-checked day is earlier than runDate). */
  readonly date: IsoDate;
  readonly scope: 'total' | 'service' | 'charges';
  readonly key: string;
  readonly severity: Exclude<SpikeSeverity, 'none'>;
  readonly episodeStart?: IsoDate | null;
}

export interface ReplayResult {
  readonly alerts: SentAlert[];
  /** Cost Explorer requests per run: the main query, plus drivers when the run judged a service spike. */
  readonly requests: number[];
}

export interface ReplayRules extends SpikeRules {
  readonly recheckDays: number;
}

/**
 * Replays the daily schedule: each run evaluates its day and re-checks `recheckDays` before it,
 * and the ledger lets each (day, scope, key, severity) through once, as daily-spend does.
 */
export function replay(views: BillViews, variant: Variant, from: IsoDate, to: IsoDate, rules: ReplayRules): ReplayResult {
  const ledger = new Set<string>();
  const alerts: SentAlert[] = [];
  const requests: number[] = [];
  const source = variant.kind === 'old' && !variant.split ? views.mixed : views.usage;
  const judges = new Map<string, SeriesJudge>();
  const judgeOf = (key: string, amounts: DayAmounts) => {
    let j = judges.get(key);
    if (!j) judges.set(key, (j = seriesJudge(seriesFromMap(amounts, views.start), rules)));
    return j;
  };
  const send = (a: SentAlert, period: string) => {
    const id = `${a.scope}|${a.key}|${period}|${a.severity}`;
    if (ledger.has(id)) return;
    ledger.add(id);
    alerts.push(a);
  };
  for (const runDate of dayRange(from, to)) {
    let serviceSpike = false;
    for (let back = 0; back <= rules.recheckDays; back++) {
      const date = addDays(runDate, -back);
      for (const [key, amounts] of source) {
        if (key !== TOTAL && !amounts.has(date)) continue;
        const scope = key === TOTAL ? 'total' : 'service';
        const found = judgeOne(variant, key, amounts, date, rules, judgeOf);
        if (!found) continue;
        if (scope === 'service') serviceSpike = true;
        send({ runDate, date, scope, key, ...found }, date);
      }
      if (variant.kind === 'seasonal' || variant.split) {
        for (const c of judgeCharges(views.charges, date, rules)) {
          if (c.severity !== 'none') send({ runDate, date, scope: 'charges', key: c.recordType, severity: c.severity }, monthOf(date));
        }
      }
    }
    requests.push(serviceSpike ? 2 : 1);
  }
  return { alerts, requests };
}

type Found = { severity: Exclude<SpikeSeverity, 'none'>; episodeStart?: IsoDate | null } | undefined;

function judgeOne(
  variant: Variant,
  key: string,
  amounts: DayAmounts,
  date: IsoDate,
  rules: ReplayRules,
  judgeOf: (key: string, amounts: DayAmounts) => SeriesJudge,
): Found {
  if (variant.kind === 'seasonal') {
    const e = judgeOf(key, amounts).episode(date);
    return e.alert && e.severity !== 'none' ? { severity: e.severity, episodeStart: e.episodeStart } : undefined;
  }
  const on = (d: IsoDate) => amounts.get(d) ?? 0;
  const a = assessChange(on(date), baselineFor(variant.baseline, date, on), rules);
  return a.severity === 'none' ? undefined : { severity: a.severity };
}
