/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) in UTC. Cost Explorer speaks
 * in UTC days, so every date in cost-watch is a plain string in UTC: no time
 * zones, no Date objects crossing module boundaries.
 */
export type IsoDate = string;
export type IsoMonth = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
/** Earlier years cannot hold AWS data (and `0000-01` made Date arithmetic produce year -1). */
const MIN_YEAR = 1970;

/** Parses a real calendar day; `2026-02-30` is undefined, not March 2nd. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  if (Number(m[1]) < MIN_YEAR) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return toIsoDate(d) === text ? text : undefined;
}

export function parseIsoMonth(text: string): IsoMonth | undefined {
  const m = ISO_MONTH.exec(text);
  if (!m) return undefined;
  const month = Number(m[2]);
  // Year 0000 is a valid pattern but no AWS data: nothing before 1970 is a real run.
  return month >= 1 && month <= 12 && Number(m[1]) >= MIN_YEAR ? text : undefined;
}

export function toIsoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

function toUtc(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(new Date(toUtc(date) + days * DAY_MS));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** Every day from `start` to `end`, both included. */
export function dayRange(start: IsoDate, end: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
  return out;
}

export function today(now: Date): IsoDate {
  return toIsoDate(now);
}

export function yesterday(now: Date): IsoDate {
  return addDays(toIsoDate(now), -1);
}

/**
 * Cost Explorer fills a day in only after it has ended (UTC), so today and
 * later are not complete: judging them would read a partial day as a drop.
 */
export function incompleteDayProblem(date: IsoDate, now: Date): string | undefined {
  const latest = yesterday(now);
  return date > latest ? `${date} is not complete yet; the latest complete day is ${latest}` : undefined;
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function firstDayOfMonth(month: IsoMonth): IsoDate {
  return `${month}-01`;
}

export function addMonths(month: IsoMonth, n: number): IsoMonth {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return toIsoDate(d).slice(0, 7);
}

/** The day after the month's last day: Cost Explorer's exclusive End. */
export function monthEndExclusive(month: IsoMonth): IsoDate {
  return firstDayOfMonth(addMonths(month, 1));
}

export function daysInMonth(month: IsoMonth): number {
  return daysBetween(firstDayOfMonth(month), monthEndExclusive(month));
}

/** Monday of the ISO week holding `date`; names the weekly alert period. */
export function weekStart(date: IsoDate): IsoDate {
  const dow = new Date(toUtc(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}
