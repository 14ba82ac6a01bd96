/**
 * `bench:alerts`: replays daily-spend's schedule over the last two months of a realistic five-month
 * bill with planted anomalies, for `seasonal` and for each old baseline, and prints what on-call
 * would have received: anomalies found, days late, false alerts per 30 days, repeats per episode.
 * Printed, never asserted. Old baselines run twice: as today (charges inside each service's daily
 * spend) and with charges split out, to show what the split alone buys.
 */
import { realisticScenario } from '../emulators/scenarios/realistic/index.js';
import { daysToFetch } from '../shared/detect/expected/index.js';
import { addDays, firstDayOfMonth, monthOf, type IsoDate } from '../shared/time/dates.js';
import { billViews } from './bench/alerts/views.js';
import { replay, type Variant } from './bench/alerts/replay.js';
import { score } from './bench/alerts/score.js';
import { formatTable, type Row } from './bench/alerts/table.js';
import { responseBytes } from './bench/alerts/bytes.js';

const RULES = { warningPct: 20, criticalPct: 50, minDelta: 10, recheckDays: 2 };
const FROM: IsoDate = '2026-10-01';
const TO: IsoDate = '2026-11-30';

const VARIANTS: Variant[] = [
  { name: 'seasonal', kind: 'seasonal' },
  ...(['previous-day', 'same-weekday', 'median-7'] as const).flatMap((baseline): Variant[] => [
    { name: `${baseline} (today)`, kind: 'old', baseline, split: false },
    { name: `${baseline} + charges apart`, kind: 'old', baseline, split: true },
  ]),
];

const scenario = realisticScenario();
const views = billViews(scenario.records, scenario.start);
const rows: Row[] = [];
const started = performance.now();
for (const variant of VARIANTS) {
  const { alerts, requests } = replay(views, variant, FROM, TO, RULES);
  rows.push({ name: variant.name, score: score(alerts, scenario.anomalies, FROM, TO), requests });
}
const elapsed = performance.now() - started;

console.log(`Realistic bill ${scenario.start} … ${scenario.end}: ${scenario.records.length} records, ${views.usage.size - 1} usage services;`);
console.log(`daily-spend replayed for each day ${FROM} … ${TO} (recheckDays ${RULES.recheckDays}; warning 20 %, critical 50 %, minDelta 10).`);
console.log(`Planted: ${scenario.anomalies.map((a) => `${a.id} (${a.start})`).join(', ')}.\n`);
console.log(formatTable(rows));
const seasonal = rows[0]!.score;
console.log(`\nseasonal, false alerts: ${seasonal.falseAlerts.map((a) => `${a.date} ${a.scope} ${a.key} ${a.severity}`).join('; ') || 'none'}`);
console.log(`seasonal, per anomaly: ${seasonal.outcomes.map((o) => `${o.anomaly.id} late ${o.daysLate ?? 'never'}, repeats ${o.repeats}, escalations ${o.escalations}`).join('; ')}`);

const fetchDays = daysToFetch() + RULES.recheckDays + 1;
// Today's run reads its re-checked days, their baselines and the month to date, whichever starts first.
const todayStart = [addDays(TO, -(RULES.recheckDays + 6)), firstDayOfMonth(monthOf(TO))].sort()[0]!;
const today = responseBytes(scenario.records, todayStart, TO, ['SERVICE']);
const longer = responseBytes(scenario.records, addDays(TO, -(fetchDays - 1)), TO, ['SERVICE', 'RECORD_TYPE']);
console.log(`\nMain query, one run on ${TO}: today ${today.days} days by SERVICE = ${today.groups} groups, ${kb(today.bytes)};`);
console.log(`seasonal ${longer.days} days by SERVICE, RECORD_TYPE = ${longer.groups} groups, ${kb(longer.bytes)} of JSON (before gzip).`);
console.log(`Replay time for ${VARIANTS.length} variants: ${elapsed.toFixed(0)} ms.`);

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
