import type { PlantedAnomaly } from '../../../emulators/scenarios/realistic/index.js';
import { severityRank } from '../../../shared/detect/expected/index.js';
import { addDays, daysBetween, monthOf, type IsoDate } from '../../../shared/time/dates.js';
import type { SentAlert } from './replay.js';

/** A total-level alert within this many days of a planted anomaly's start is that anomaly showing in the total. */
const TOTAL_ECHO_DAYS = 7;

export interface AnomalyOutcome {
  readonly anomaly: PlantedAnomaly;
  /** Days from its start to the run that first alerted it; undefined when never alerted. */
  readonly daysLate: number | undefined;
  readonly onTime: boolean;
  /** Alerts about it after the first that did not raise the severity. */
  readonly repeats: number;
  readonly escalations: number;
}

export interface Score {
  readonly outcomes: AnomalyOutcome[];
  readonly falseTotal: number;
  readonly falseServices: number;
  readonly falseCharges: number;
  readonly falseAlerts: SentAlert[];
  readonly days: number;
}

/** Whether `alert` names `anomaly` (its own series, inside its span; a charge under the service it posts to). */
export function names(alert: SentAlert, anomaly: PlantedAnomaly): boolean {
  if (alert.date < anomaly.start || alert.date > anomaly.end) return false;
  if (anomaly.scope === 'charges') {
    const month = monthOf(anomaly.start);
    if (alert.scope === 'charges') return alert.key === anomaly.key && monthOf(alert.date) === month;
    return alert.scope === 'service' && alert.key === anomaly.postedUnder && alert.date === anomaly.start;
  }
  return alert.scope === 'service' && alert.key === anomaly.key;
}

const echoes = (alert: SentAlert, anomalies: readonly PlantedAnomaly[]) =>
  alert.scope === 'total' && anomalies.some((a) => alert.date >= a.start && alert.date <= addDays(a.start, TOTAL_ECHO_DAYS));

export function score(alerts: readonly SentAlert[], anomalies: readonly PlantedAnomaly[], from: IsoDate, to: IsoDate): Score {
  const outcomes = anomalies.map((anomaly): AnomalyOutcome => {
    const mine = alerts.filter((a) => names(a, anomaly)).sort((x, y) => x.runDate.localeCompare(y.runDate));
    const first = mine[0];
    let worst = 0;
    let repeats = 0;
    let escalations = 0;
    mine.forEach((a, i) => {
      const rank = severityRank(a.severity);
      if (i > 0 && rank > worst) escalations++;
      else if (i > 0) repeats++;
      worst = Math.max(worst, rank);
    });
    const daysLate = first ? daysBetween(anomaly.start, first.runDate) : undefined;
    return { anomaly, daysLate, onTime: daysLate !== undefined && daysLate < anomaly.onTimeDays, repeats, escalations };
  });
  const falseAlerts = alerts.filter((a) => !anomalies.some((an) => names(a, an)) && !echoes(a, anomalies));
  const count = (scope: SentAlert['scope']) => falseAlerts.filter((a) => a.scope === scope).length;
  return {
    outcomes,
    falseTotal: count('total'),
    falseServices: count('service'),
    falseCharges: count('charges'),
    falseAlerts,
    days: daysBetween(from, to) + 1,
  };
}
