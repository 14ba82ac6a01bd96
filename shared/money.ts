/** Amounts are reported in currency units rounded to cents, as the contract says. */
export function roundCents(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

/** Percents are rounded to one decimal: 60.04 reads as 60%, not a false precision. */
export function roundPct(n: number): number {
  return Math.round(n * 10) / 10;
}
