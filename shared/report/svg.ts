import { formatMoney, formatPercent } from '../format.js';
import { escapeHtml } from './escape.js';

/**
 * Chart primitives rendered to SVG strings in Node: no script, no fonts, no
 * external files. The outer <svg> has no viewBox, so its units are CSS pixels
 * and text keeps its size on a phone; horizontal positions are percentages of
 * the chart width, so the same markup fits 390 px and 1000 px alike. The daily
 * line is drawn in a nested, stretched viewBox with non-scaling strokes.
 */

export const COLORS = {
  current: '#2563eb',
  previous: '#a3b1c6',
  grid: '#e2e8f0',
  text: '#334155',
  ok: '#16a34a',
  warn: '#d97706',
  over: '#dc2626',
} as const;

export const num = (n: number) => (Math.round(n * 100) / 100).toString();
export const pct = (n: number) => `${num(Math.max(0, Math.min(100, n)))}%`;

export function compactMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(amount);
  } catch {
    return `${Math.round(amount)} ${currency}`;
  }
}

const STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** A round number at or above `n` (1.2K, 1.5K, 2K …): an axis top a person can read, without wasting half the chart. */
export function niceCeiling(n: number): number {
  if (n <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  const step = STEPS.find((s) => s * power >= n * (1 - 1e-12)) ?? 10;
  return step * power;
}

export function open(label: string, height: number, cls: string): string {
  const text = escapeHtml(label);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart ${cls}" width="100%" height="${height}" role="img" ` +
    `aria-label="${text}"><title>${text}</title>`
  );
}

export interface LineChartOptions {
  readonly label: string;
  readonly currency: string;
  /** @default 180 */
  readonly height?: number;
}

/** Spend per day: an area under a line, three gridlines, first/middle/last day labelled. */
export function lineChart(points: ReadonlyArray<{ date: string; amount: number }>, o: LineChartOptions): string {
  const height = o.height ?? 180;
  const top = 14;
  const plot = height - top - 22;
  const max = niceCeiling(Math.max(0, ...points.map((p) => p.amount)));
  const n = points.length;
  const xs = points.map((_, i) => (n === 1 ? 50 : (i / (n - 1)) * 100));
  const ys = points.map((p) => 100 - (Math.max(0, p.amount) / max) * 100);
  const coords = points.map((_, i) => `${num(xs[i]! * 10)},${num(ys[i]!)}`);
  if (n === 1) {
    coords.unshift(`0,${num(ys[0]!)}`);
    coords.push(`1000,${num(ys[0]!)}`);
  }
  const parts = [open(o.label, height, 'line-chart')];
  for (const f of [0, 0.5, 1]) {
    const y = top + plot * (1 - f);
    parts.push(`<line x1="0" x2="100%" y1="${num(y)}" y2="${num(y)}" stroke="${COLORS.grid}"/>`);
    parts.push(
      `<text x="0" y="${num(y - 3)}" font-size="11" fill="${COLORS.text}">${escapeHtml(compactMoney(max * f, o.currency))}</text>`,
    );
  }
  if (coords.length) {
    const first = coords[0]!.split(',')[0];
    const last = coords[coords.length - 1]!.split(',')[0];
    parts.push(
      `<svg x="0" y="${top}" width="100%" height="${plot}" viewBox="0 0 1000 100" preserveAspectRatio="none">` +
        `<polygon points="${first},100 ${coords.join(' ')} ${last},100" fill="${COLORS.current}" fill-opacity="0.12"/>` +
        (`<polyline points="${coords.join(' ')}" fill="none" stroke="${COLORS.current}" stroke-width="2" ` +
          `stroke-linejoin="round" vector-effect="non-scaling-stroke"/></svg>`),
    );
  }
  const ticks = n ? [0, Math.floor((n - 1) / 2), n - 1].filter((v, i, a) => a.indexOf(v) === i) : [];
  for (const i of ticks) {
    const anchor = n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
    parts.push(
      `<text x="${pct(xs[i]!)}" y="${height - 6}" font-size="11" fill="${COLORS.text}" ` +
        `text-anchor="${anchor}">${escapeHtml(points[i]!.date.slice(5))}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

export interface BarPair {
  readonly label: string;
  readonly amount: number;
  readonly previous: number;
}

export interface BarPairsOptions {
  readonly label: string;
  readonly currency: string;
  /** Legend names of the two bars, e.g. the two month names. */
  readonly legend: readonly [string, string];
}

const ROW = 48;
const MAX_LABEL = 48;
const BAR_MAX_PCT = 72;

export function clip(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** Month over month: per row a name, this month's bar and a thinner bar for the month before. */
export function barPairs(rows: readonly BarPair[], o: BarPairsOptions): string {
  const height = 24 + rows.length * ROW;
  const max = Math.max(0, ...rows.flatMap((r) => [r.amount, r.previous])) || 1;
  const width = (v: number) => (Math.max(0, v) / max) * BAR_MAX_PCT;
  const parts = [open(o.label, height, 'bar-chart')];
  parts.push(
    `<rect x="0" y="4" width="10" height="10" fill="${COLORS.current}"/>` +
      `<text x="14" y="13" font-size="11" fill="${COLORS.text}">${escapeHtml(o.legend[0])}</text>` +
      (`<rect x="50%" y="4" width="10" height="10" fill="${COLORS.previous}"/>` +
        `<text x="50%" dx="14" y="13" font-size="11" fill="${COLORS.text}">${escapeHtml(o.legend[1])}</text>`),
  );
  rows.forEach((r, i) => {
    const y = 24 + i * ROW;
    const name = escapeHtml(r.label);
    parts.push(
      `<g><title>${name}: ${escapeHtml(formatMoney(r.amount, o.currency))} vs ${escapeHtml(formatMoney(r.previous, o.currency))}</title>`,
    );
    parts.push(`<text x="0" y="${y + 12}" font-size="12" fill="${COLORS.text}">${escapeHtml(clip(r.label))}</text>`);
    parts.push(`<rect x="0" y="${y + 17}" width="${pct(width(r.amount))}" height="12" rx="2" fill="${COLORS.current}"/>`);
    parts.push(
      `<text x="${pct(width(r.amount))}" dx="5" y="${y + 27}" font-size="11" ` +
        `fill="${COLORS.text}">${escapeHtml(formatMoney(r.amount, o.currency))}</text>`,
    );
    parts.push(`<rect x="0" y="${y + 32}" width="${pct(width(r.previous))}" height="6" rx="1" fill="${COLORS.previous}"/>`);
    parts.push(
      `<text x="${pct(width(r.previous))}" dx="5" y="${y + 39}" font-size="9" ` +
        `fill="${COLORS.text}">${escapeHtml(formatMoney(r.previous, o.currency))}</text></g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface BudgetBarOptions {
  readonly label: string;
  readonly currency: string;
}

/** Spend against a limit: the bar turns amber from 80% and red at 100%; a tick marks the limit. */
export function budgetBar(actual: number, limit: number, o: BudgetBarOptions): string {
  const scale = Math.max(actual, limit) || 1;
  const ratio = limit > 0 ? actual / limit : 0;
  const color = ratio >= 1 ? COLORS.over : ratio >= 0.8 ? COLORS.warn : COLORS.ok;
  const limitAt = (limit / scale) * 100;
  const text = `${escapeHtml(formatMoney(actual, o.currency))} of ${escapeHtml(formatMoney(limit, o.currency))}`;
  return (
    open(o.label, 46, 'budget-bar') +
    `<rect x="0" y="4" width="100%" height="16" rx="3" fill="${COLORS.grid}"/>` +
    `<rect x="0" y="4" width="${pct((actual / scale) * 100)}" height="16" rx="3" fill="${color}"/>` +
    `<line x1="${pct(limitAt)}" x2="${pct(limitAt)}" y1="0" y2="24" stroke="${COLORS.text}" stroke-width="2"/>` +
    `<text x="0" y="40" font-size="12" fill="${COLORS.text}">${text}</text>` +
    (`<text x="100%" y="40" font-size="12" font-weight="bold" fill="${color}" ` +
      `text-anchor="end">${limit > 0 ? formatPercent(ratio * 100) : 'no limit'}</text></svg>`)
  );
}
