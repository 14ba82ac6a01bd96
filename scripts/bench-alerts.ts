/**
 * `bench:alerts`: replays daily-spend's schedule over the last two months of a realistic five-month
 * bill with planted anomalies, for `seasonal` and for each old baseline, and prints what on-call
 * would have received: anomalies found, days late, false alerts per 30 days, repeats per episode.
 * Printed, never asserted. Old baselines run twice: as today (charges inside each service's daily
 * spend) and with charges split out, to show what the split alone buys.
 */
import { realisticScenario } from '../emulators/scenarios/realistic/index.js';
import { daysToFetch } from '../shared/detect/expected/index.js';
import { addDays, daysBetween, firstDayOfMonth, monthOf, type IsoDate } from '../shared/time/dates.js';
import { billViews } from './bench/alerts/views.js';
import { replay, type Variant } from './bench/alerts/replay.js';
import { score } from './bench/alerts/score.js';
import { formatTable, type Row } from './bench/alerts/table.js';
import { responseBytes } from './bench/alerts/bytes.js';
import { acrossSeeds } from './bench/alerts/seeds.js';
import { replayLive } from './bench/alerts/live.js';

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
// The real job, in process, against the Cost Explorer double: what on-call would have received.
const liveMs: string[] = [];
for (const baseline of ['seasonal', 'previous-day', 'same-weekday', 'median-7']) {
  const live = await replayLive(scenario, baseline, FROM, TO);
  rows.push({ name: `${baseline} (daily-spend job)`, score: score(live.alerts, scenario.anomalies, FROM, TO), requests: live.requests });
  liveMs.push(`${baseline} ${live.lastRunMs.toFixed(0)} ms`);
}
console.log(formatTable(rows));
console.log(`\nOne run of the job on ${TO} (query through the double, model, messages): ${liveMs.join(', ')}.\n`);
console.log('The pure replay (same rules without AWS, and the old baselines with charges split out, to show what the split alone buys):');
rows.length = 0;
for (const variant of VARIANTS) {
  const { alerts, requests } = replay(views, variant, FROM, TO, RULES);
  rows.push({ name: variant.name, score: score(alerts, scenario.anomalies, FROM, TO), requests });
}
const elapsed = performance.now() - started;
// One cold run, as a Lambda would make it: every series judged for its day, re-checked days and episode look-back.
const coldStart = performance.now();
replay(views, VARIANTS[0]!, TO, TO, RULES);
const coldRun = performance.now() - coldStart;

const services = views.usage.size - 1;
console.log(`Realistic bill ${scenario.start} … ${scenario.end}: ${scenario.records.length} records, ${services} usage services;`);
console.log(
  `daily-spend replayed for each day ${FROM} … ${TO} (recheckDays ${RULES.recheckDays}; warning 20 %, critical 50 %, ` + 'minDelta 10).',
);
console.log(`Planted: ${scenario.anomalies.map((a) => `${a.id} (${a.start})`).join(', ')}.\n`);
console.log(formatTable(rows));
const seasonal = rows[0]!.score;
const falseList = seasonal.falseAlerts.map((a) => `${a.date} ${a.scope} ${a.key} ${a.severity}`);
console.log(`\nseasonal, false alerts: ${falseList.join('; ') || 'none'}`);
const perAnomaly = seasonal.outcomes.map(
  (o) => `${o.anomaly.id} late ${o.daysLate ?? 'never'}, repeats ${o.repeats}, escalations ${o.escalations}`,
);
console.log(`seasonal, per anomaly: ${perAnomaly.join('; ')}`);

const fetchDays = daysToFetch() + RULES.recheckDays + 1;
// Today's run reads its re-checked days, their baselines and the month to date, whichever starts first.
const todayStart = [addDays(TO, -(RULES.recheckDays + 6)), firstDayOfMonth(monthOf(TO))].sort()[0]!;
const today = responseBytes(scenario.records, todayStart, TO, ['SERVICE']);
const longer = responseBytes(scenario.records, addDays(TO, -(fetchDays - 1)), TO, ['SERVICE', 'RECORD_TYPE']);
console.log(`\nMain query, one run on ${TO}: today ${today.days} days by SERVICE = ${today.groups} groups, ${kb(today.bytes)};`);
console.log(`seasonal ${longer.days} days by SERVICE, RECORD_TYPE = ${longer.groups} groups, ${kb(longer.bytes)} of JSON (before gzip).`);
console.log(
  `seasonal compute for one cold run (${views.usage.size} series): ${coldRun.toFixed(0)} ms; ` +
    `replay of ${VARIANTS.length} variants × ${daysBetween(FROM, TO) + 1} runs: ${elapsed.toFixed(0)} ms.`,
);

const SEEDS = Array.from({ length: Number(process.env.BENCH_SEEDS ?? 10) }, (_, i) => i + 1);
if (SEEDS.length > 0) {
  console.log(
    `\nAcross ${SEEDS.length} other bills (seeds ${SEEDS[0]}–${SEEDS.at(-1)}, same plan, different noise; ` + 'BENCH_SEEDS=n to change):',
  );
  const days = daysBetween(FROM, TO) + 1;
  for (const s of acrossSeeds(
    SEEDS,
    VARIANTS.filter((v) => v.kind === 'seasonal' || !v.split),
    FROM,
    TO,
    RULES,
  )) {
    console.log(
      `  ${s.name.padEnd(22)} found ${s.found}/${s.planted}, on time ${s.onTime}/${s.planted}, ` +
        `false ${s.falsePer30.toFixed(2)}/30 days (worst bill ${s.maxFalseInASeed} in ${days} days), repeats ${s.repeats}`,
    );
  }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
