import { dayRange, type IsoDate } from '../../../shared/time/dates.js';
import type { RealisticRecord } from '../../../emulators/scenarios/realistic/index.js';

/**
 * The size of a GetCostAndUsage answer for this bill, shaped as AWS shapes it (one ResultsByTime entry
 * per day, one Group per key combination with an amount), credits and refunds filtered out.
 */
export function responseBytes(records: readonly RealisticRecord[], from: IsoDate, to: IsoDate, groupBy: Array<'SERVICE' | 'RECORD_TYPE'>) {
  const byDay = new Map<IsoDate, Map<string, number>>();
  for (const r of records) {
    if (r.date < from || r.date > to || ['Credit', 'Refund'].includes(r.recordType)) continue;
    const key = groupBy.map((g) => (g === 'SERVICE' ? r.service : r.recordType)).join('\u0000');
    const day = byDay.get(r.date) ?? new Map<string, number>();
    day.set(key, (day.get(key) ?? 0) + r.amount);
    byDay.set(r.date, day);
  }
  let groups = 0;
  const results = dayRange(from, to).map((d) => {
    const g = [...(byDay.get(d) ?? new Map<string, number>()).entries()].map(([key, amount]) => {
      groups++;
      return { Keys: key.split('\u0000'), Metrics: { UnblendedCost: { Amount: amount.toFixed(10), Unit: 'USD' } } };
    });
    return { TimePeriod: { Start: d, End: d }, Total: {}, Groups: g, Estimated: false };
  });
  const body = JSON.stringify({ GroupDefinitions: groupBy.map((Key) => ({ Type: 'DIMENSION', Key })), ResultsByTime: results });
  return { days: results.length, groups, bytes: Buffer.byteLength(body) };
}
