import { recordKind, type ChargePosting } from '../../../shared/detect/expected/index.js';
import type { IsoDate } from '../../../shared/time/dates.js';
import type { RealisticRecord } from '../../../emulators/scenarios/realistic/index.js';

export type DayAmounts = Map<IsoDate, number>;

/** The bill as each kind of daily-spend run sees it. */
export interface BillViews {
  readonly start: IsoDate;
  /** Usage record types only, by service: what `seasonal` judges day over day. */
  readonly usage: Map<string, DayAmounts>;
  /** Everything but credits and refunds, by service: what today's single SERVICE-grouped query sees. */
  readonly mixed: Map<string, DayAmounts>;
  /** Non-usage postings, judged month over month. */
  readonly charges: ChargePosting[];
}

const add = (views: Map<string, DayAmounts>, key: string, date: IsoDate, amount: number) => {
  const series = views.get(key) ?? new Map<IsoDate, number>();
  series.set(date, (series.get(date) ?? 0) + amount);
  views.set(key, series);
};

export const TOTAL = 'total';

export function billViews(records: readonly RealisticRecord[], start: IsoDate): BillViews {
  const usage = new Map<string, DayAmounts>();
  const mixed = new Map<string, DayAmounts>();
  const charges: ChargePosting[] = [];
  for (const r of records) {
    const kind = recordKind(r.recordType);
    // Today's query filters out exactly Credit and Refund, so negation and discounts stay in its view.
    if (!['Credit', 'Refund'].includes(r.recordType)) {
      add(mixed, r.service, r.date, r.amount);
      add(mixed, TOTAL, r.date, r.amount);
    }
    if (kind === 'usage') {
      add(usage, r.service, r.date, r.amount);
      add(usage, TOTAL, r.date, r.amount);
    } else if (kind === 'charge') charges.push({ date: r.date, recordType: r.recordType, amount: r.amount });
  }
  return { start, usage, mixed, charges };
}
