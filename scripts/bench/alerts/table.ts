import type { Score } from './score.js';

export interface Row {
  readonly name: string;
  readonly score: Score;
  readonly requests: readonly number[];
}

const per30 = (n: number, days: number) => ((n * 30) / days).toFixed(1);

/** One line per variant: found, lateness per anomaly, false alerts per 30 days, repeats, Cost Explorer requests. */
export function formatTable(rows: readonly Row[]): string {
  const header = [
    'baseline',
    'found',
    'on time',
    'days late (per anomaly)',
    'false/30d total',
    'services',
    'charges',
    'all',
    'repeats',
    'max/episode',
    'escalations',
    'CE req/run',
  ];
  const lines = rows.map(({ name, score: s, requests }) => {
    const found = s.outcomes.filter((o) => o.daysLate !== undefined).length;
    const onTime = s.outcomes.filter((o) => o.onTime).length;
    const late = s.outcomes.map((o) => (o.daysLate === undefined ? '–' : String(o.daysLate))).join(' ');
    const repeats = s.outcomes.reduce((a, o) => a + o.repeats, 0);
    const maxPerEpisode = Math.max(0, ...s.outcomes.filter((o) => o.daysLate !== undefined).map((o) => 1 + o.repeats));
    const escalations = s.outcomes.reduce((a, o) => a + o.escalations, 0);
    const all = s.falseTotal + s.falseServices + s.falseCharges;
    const avg = requests.reduce((a, b) => a + b, 0) / Math.max(1, requests.length);
    return [
      name,
      `${found}/${s.outcomes.length}`,
      `${onTime}/${s.outcomes.length}`,
      late,
      per30(s.falseTotal, s.days),
      per30(s.falseServices, s.days),
      per30(s.falseCharges, s.days),
      per30(all, s.days),
      String(repeats),
      String(maxPerEpisode),
      String(escalations),
      `${avg.toFixed(2)} (max ${Math.max(...requests)})`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}
