/** Amounts are reported in currency units rounded to cents, as the contract says. */
export function roundCents(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

/** Percents are rounded to one decimal: 60.04 reads as 60%, not a false precision. */
export function roundPct(n: number): number {
  return Math.round(n * 10) / 10;
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

export function formatPct(pct: number | null): string {
  if (pct === null) return 'new spend';
  const sign = pct > 0 ? '+' : '';
  return `${sign}${pct.toFixed(pct >= 100 || pct <= -100 ? 0 : 1)}%`;
}
