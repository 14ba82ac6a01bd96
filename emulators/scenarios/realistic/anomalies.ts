import { addDays, daysBetween, type IsoDate } from '../../../shared/time/dates.js';
import { CLOUDFRONT, DYNAMODB, EC2, LAMBDA, RDS, S3, SAGEMAKER } from './services.js';

export type AnomalyKind = 'level-shift' | 'weekday-spike' | 'weekend-spike' | 'monday-spike' | 'new-service' | 'drift' | 'charge';

/** Ground truth: what was planted, where, and how soon an alert must name it. */
export interface PlantedAnomaly {
  readonly id: string;
  readonly kind: AnomalyKind;
  readonly scope: 'service' | 'charges';
  /** The service, or the record type for a charge. */
  readonly key: string;
  readonly start: IsoDate;
  /** Last day it lasts (the scenario's end for a lasting change). */
  readonly end: IsoDate;
  /** Days after `start` an alert may come and still count as on time (a drift is only visible after a while). */
  readonly onTimeDays: number;
  /** A charge: the service it posts under, where a SERVICE-grouped query sees it. */
  readonly postedUnder?: string;
  /** Multiplies (or adds to) the series' normal amount on `date`. */
  readonly effect: (date: IsoDate, normal: number) => number;
}

export const RI_FEE = 'Recurring reservation fee';

/** The planted anomalies of the default five-month scenario (July to November 2026), all in the last two months. */
export function plantedAnomalies(scenarioEnd: IsoDate): PlantedAnomaly[] {
  const lasting = (start: IsoDate) => ({ start, end: scenarioEnd });
  const oneDay = (start: IsoDate) => ({ start, end: start });
  return [
    {
      id: 'rds-level-shift',
      kind: 'level-shift',
      scope: 'service',
      key: RDS,
      ...lasting('2026-10-08'),
      onTimeDays: 1,
      effect: (_d, n) => n * 1.35,
    },
    {
      id: 'cloudfront-wednesday',
      kind: 'weekday-spike',
      scope: 'service',
      key: CLOUDFRONT,
      ...oneDay('2026-10-21'),
      onTimeDays: 1,
      effect: (_d, n) => n * 2.4,
    },
    {
      id: 'dynamodb-drift',
      kind: 'drift',
      scope: 'service',
      key: DYNAMODB,
      ...lasting('2026-10-27'),
      onTimeDays: 7,
      // 5 % a day for two weeks: doubled (1.05^14 ≈ 1.98), then it stays there.
      effect: (d, n) => n * 1.05 ** Math.min(14, daysBetween('2026-10-26', d)),
    },
    {
      id: 'ri-purchase',
      kind: 'charge',
      scope: 'charges',
      key: RI_FEE,
      start: '2026-11-01',
      end: '2026-11-30',
      onTimeDays: 1,
      postedUnder: EC2,
      effect: (_d, n) => n * 1.55,
    },
    {
      id: 'sagemaker-new',
      kind: 'new-service',
      scope: 'service',
      key: SAGEMAKER,
      ...lasting('2026-11-04'),
      onTimeDays: 1,
      effect: (_d, n) => n + 82,
    },
    {
      id: 's3-saturday',
      kind: 'weekend-spike',
      scope: 'service',
      key: S3,
      ...oneDay('2026-11-07'),
      onTimeDays: 1,
      effect: (_d, n) => n + 75,
    },
    {
      id: 'lambda-monday',
      kind: 'monday-spike',
      scope: 'service',
      key: LAMBDA,
      ...oneDay('2026-11-16'),
      onTimeDays: 1,
      effect: (_d, n) => n * 1.9,
    },
  ];
}

/** The anomaly effects that apply to `key` on `date`, applied in order. */
export function applyAnomalies(anomalies: readonly PlantedAnomaly[], key: string, date: IsoDate, normal: number): number {
  let amount = normal;
  for (const a of anomalies) if (a.key === key && date >= a.start && date <= a.end) amount = a.effect(date, amount);
  return amount;
}

export const lastDay = (start: IsoDate, months: number): IsoDate => {
  const [y, m] = start.split('-').map(Number) as [number, number];
  return addDays(new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10), -1);
};
