import { formatMoney, formatPercent } from '../format.js';
import { escapeHtml } from './escape.js';
import { clip, COLORS, niceCeiling, num, open, pct } from './svg.js';

/**
 * The FinOps review's charts, in the same style as svg.ts: CSS-pixel heights,
 * percentage widths, no viewBox, so they fit a phone and a print page alike.
 */

const ROW = 56;
const BAR_MAX = 96;

/** Budget use colours, as the account budget bar: amber from 80 %, red from 100 %. */
const useColor = (ratio: number) => (ratio >= 1 ? COLORS.over : ratio >= 0.8 ? COLORS.warn : COLORS.ok);

export interface BudgetBarRow {
  readonly label: string;
  readonly amount: number;
  readonly budget: number | null;
}

/** Per category: the spend bar (coloured by budget use) and a tick where its budget is. */
export function categoryBudgetBars(rows: readonly BudgetBarRow[], o: { label: string; currency: string }): string {
  const max = Math.max(0, ...rows.flatMap((r) => [r.amount, r.budget ?? 0])) || 1;
  const at = (v: number) => (Math.max(0, v) / max) * BAR_MAX;
  const parts = [open(o.label, 12 + rows.length * ROW, 'bar-chart category-bars')];
  rows.forEach((r, i) => {
    const y = 6 + i * ROW;
    const ratio = r.budget ? r.amount / r.budget : 0;
    const fill = r.budget ? useColor(ratio) : COLORS.current;
    const figure =
      `${formatMoney(r.amount, o.currency)}` +
      `${r.budget ? ` · ${formatPercent(ratio * 100)} of ${formatMoney(r.budget, o.currency)}` : ''}`;
    parts.push(`<g><title>${escapeHtml(`${r.label}: ${figure}`)}</title>`);
    parts.push(`<text x="0" y="${y + 11}" font-size="12" fill="${COLORS.text}">${escapeHtml(clip(r.label))}</text>`);
    parts.push(`<rect x="0" y="${y + 16}" width="${pct(at(r.amount))}" height="14" rx="2" fill="${fill}"/>`);
    if (r.budget)
      parts.push(
        `<line x1="${pct(at(r.budget))}" x2="${pct(at(r.budget))}" y1="${y + 13}" y2="${y + 33}" stroke="${COLORS.text}" ` +
          `stroke-width="2"/>`,
      );
    // The figure goes under the bar, not after it: a long one would run off a phone screen.
    parts.push(`<text x="0" y="${y + 45}" font-size="11" fill="${COLORS.text}">${escapeHtml(figure)}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface TargetBarRow {
  readonly label: string;
  readonly sharePct: number;
  readonly targetPct: number | null;
}

/** Per tag value: its share of the month as a bar on a 0–100 % scale, a tick at its target. */
export function allocationBars(rows: readonly TargetBarRow[], o: { label: string }): string {
  const top = Math.min(100, niceCeiling(Math.max(1, ...rows.flatMap((r) => [r.sharePct, r.targetPct ?? 0]))));
  const at = (v: number) => (Math.max(0, v) / top) * BAR_MAX;
  const parts = [open(o.label, 12 + rows.length * ROW, 'bar-chart allocation-bars')];
  rows.forEach((r, i) => {
    const y = 6 + i * ROW;
    const off = r.targetPct === null ? 0 : Math.abs(r.sharePct - r.targetPct);
    const fill = r.targetPct === null ? COLORS.previous : off >= 10 ? COLORS.over : off >= 5 ? COLORS.warn : COLORS.ok;
    const figure = `${num(r.sharePct)}%${r.targetPct === null ? '' : ` (target ${num(r.targetPct)}%)`}`;
    parts.push(`<g><title>${escapeHtml(`${r.label}: ${figure}`)}</title>`);
    parts.push(`<text x="0" y="${y + 11}" font-size="12" fill="${COLORS.text}">${escapeHtml(clip(r.label))}</text>`);
    parts.push(`<rect x="0" y="${y + 16}" width="${pct(at(r.sharePct))}" height="14" rx="2" fill="${fill}"/>`);
    if (r.targetPct !== null)
      parts.push(
        `<line x1="${pct(at(r.targetPct))}" x2="${pct(at(r.targetPct))}" y1="${y + 13}" y2="${y + 33}" stroke="${COLORS.text}" ` +
          `stroke-width="2"/>`,
      );
    parts.push(`<text x="0" y="${y + 45}" font-size="11" fill="${COLORS.text}">${escapeHtml(figure)}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Cost per unit each day against the target line; days without units are left out of the line. */
export function unitCostChart(
  points: ReadonlyArray<{ date: string; costPerUnit: number | null }>,
  o: { label: string; target: number; format: (n: number) => string },
): string {
  const height = 180;
  const top = 14;
  const plot = height - top - 22;
  const known = points
    .map((p, i) => ({ ...p, i }))
    .filter((p): p is { date: string; costPerUnit: number; i: number } => p.costPerUnit !== null);
  const max = niceCeiling(Math.max(o.target, ...known.map((p) => p.costPerUnit)) * 1.1);
  const n = points.length;
  const x = (i: number) => (n <= 1 ? 500 : (i / (n - 1)) * 1000);
  const y = (v: number) => 100 - (Math.max(0, v) / max) * 100;
  const parts = [open(o.label, height, 'line-chart unit-cost-chart')];
  for (const f of [0, 0.5, 1]) {
    const gy = top + plot * (1 - f);
    parts.push(`<line x1="0" x2="100%" y1="${num(gy)}" y2="${num(gy)}" stroke="${COLORS.grid}"/>`);
    parts.push(`<text x="0" y="${num(gy - 3)}" font-size="11" fill="${COLORS.text}">${escapeHtml(o.format(max * f))}</text>`);
  }
  const line = known.map((p) => `${num(x(p.i))},${num(y(p.costPerUnit))}`).join(' ');
  parts.push(
    `<svg x="0" y="${top}" width="100%" height="${plot}" viewBox="0 0 1000 100" preserveAspectRatio="none">` +
      (`<line x1="0" x2="1000" y1="${num(y(o.target))}" y2="${num(y(o.target))}" stroke="${COLORS.over}" stroke-width="1.5" ` +
        `stroke-dasharray="6 4" vector-effect="non-scaling-stroke"/>`) +
      (line
        ? `<polyline points="${line}" fill="none" stroke="${COLORS.current}" stroke-width="2" stroke-linejoin="round" ` +
          `vector-effect="non-scaling-stroke"/>`
        : '') +
      '</svg>',
  );
  parts.push(
    `<text x="100%" y="${num(top + plot * (1 - o.target / max) - 4)}" font-size="11" fill="${COLORS.over}" ` +
      `text-anchor="end">target ${escapeHtml(o.format(o.target))}</text>`,
  );
  if (n) {
    parts.push(`<text x="0" y="${height - 6}" font-size="11" fill="${COLORS.text}">${escapeHtml(points[0]!.date.slice(5))}</text>`);
    parts.push(
      `<text x="100%" y="${height - 6}" font-size="11" fill="${COLORS.text}" ` +
        `text-anchor="end">${escapeHtml(points[n - 1]!.date.slice(5))}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** Per savings lever: its monthly saving as a bar on one scale, the figure under it (levers without a figure say why). */
export function savingsBars(
  rows: ReadonlyArray<{ readonly label: string; readonly amount: number | null; readonly missing?: string }>,
  o: { label: string; currency: string },
): string {
  const max = Math.max(0, ...rows.map((r) => r.amount ?? 0)) || 1;
  const parts = [open(o.label, 12 + rows.length * ROW, 'bar-chart lever-bars')];
  rows.forEach((r, i) => {
    const y = 6 + i * ROW;
    const figure = r.amount === null ? (r.missing ?? 'not priced') : `${formatMoney(r.amount, o.currency)} a month`;
    parts.push(`<g><title>${escapeHtml(`${r.label}: ${figure}`)}</title>`);
    parts.push(`<text x="0" y="${y + 11}" font-size="12" fill="${COLORS.text}">${escapeHtml(clip(r.label))}</text>`);
    parts.push(`<rect x="0" y="${y + 16}" width="${pct(((r.amount ?? 0) / max) * BAR_MAX)}" height="14" rx="2" fill="${COLORS.ok}"/>`);
    parts.push(`<text x="0" y="${y + 45}" font-size="11" fill="${COLORS.text}">${escapeHtml(figure)}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
