/**
 * How every figure reads, in Slack, SNS, HTML, the email and the CLI alike, so
 * the same number never shows two ways: money in the currency to the cent
 * (unit costs to 4 significant digits), percents and changes with one
 * decimal, counts with their noun in the right number. Minus is ASCII "-":
 * SNS subjects take ASCII only.
 */
const currencyFormat = (currency: string, digits: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, ...digits });

/** `$1,234.56`; an unknown currency code reads `1234.56 XYZ`. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return currencyFormat(currency, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** `+$12.00` / `-$3.50`: a difference of money. */
export const formatSignedMoney = (amount: number, currency: string): string =>
  `${amount > 0 ? '+' : amount < 0 ? '-' : ''}${formatMoney(Math.abs(amount), currency)}`;

/** A cost per unit keeps 4 significant digits: `$0.04281` per lead, never `$0.04` (nor a bare `0.04281`). */
export function formatUnitCost(value: number | null, currency: string): string {
  if (value === null) return 'n/a';
  const v = Number(value.toPrecision(4));
  try {
    return currencyFormat(currency, { maximumSignificantDigits: 4 }).format(v);
  } catch {
    return `${v.toPrecision(4)} ${currency}`;
  }
}

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1).replace(/^-(0\.0)$/, '$1');

/** A share or a use of a limit: `80.0%`, `105.0%`, `1333.5%`; null reads `n/a`. */
export const formatPercent = (pct: number | null): string => (pct === null ? 'n/a' : `${oneDecimal(pct)}%`);

/** A change: `+57.2%`, `-0.3%`, `0.0%`; null (nothing before) reads `new spend`. */
export function formatChange(pct: number | null): string {
  if (pct === null) return 'new spend';
  const text = oneDecimal(pct);
  return `${pct > 0 && text !== '0.0' ? '+' : ''}${text}%`;
}

/** A difference of percents, in percentage points: `+2.9 pp`, `-1.0 pp`. */
export function formatPoints(pts: number | null): string {
  if (pts === null) return 'n/a';
  const text = oneDecimal(pts);
  return `${pts > 0 && text !== '0.0' ? '+' : ''}${text} pp`;
}

/** `21,316`. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** `1 instance`, `2 instances`, `0 findings`; `plural` for nouns that do not just take an s. */
export const countOf = (n: number, singular: string, plural = `${singular}s`): string => `${formatCount(n)} ${n === 1 ? singular : plural}`;

/** The verb that agrees with a count: `1 instance is`, `2 instances are`. */
export const agree = (n: number, singular: string, plural: string): string => (n === 1 ? singular : plural);

const BYTE_UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Storage as a person reads it, in binary units with one decimal: `5.0 TiB`, `512.0 MiB`, `0 bytes`. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${formatCount(Math.round(value))} bytes` : `${oneDecimal(value)} ${BYTE_UNITS[unit]}`;
}
