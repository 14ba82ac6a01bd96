import { GetMetricDataCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { UnitMetric } from '../config/schema.js';
import { dayRange, type IsoDate } from '../time/dates.js';
import { attemptsOf } from './attempts.js';
import { explainAwsError } from './errors.js';

const DAY_S = 86_400;

export interface DailyUnits {
  /** Units on every day of the range; 0 where CloudWatch has no datapoint (it publishes nothing for nothing). */
  readonly byDay: Map<IsoDate, number>;
  /** Days that had a datapoint: lets a caller tell "no data" from "0 units". */
  readonly reported: ReadonlySet<IsoDate>;
  /** GetMetricData requests made (SDK retries included): one, unless CloudWatch pages (it does not below 100,800 datapoints). */
  readonly requests: number;
}

/**
 * The unit metric's statistic for each UTC day from `start` to `endExclusive`,
 * from ONE GetMetricData call: the period is a whole day, so CloudWatch does the
 * per-day aggregation and a month is 31 datapoints. Days are aligned to 00:00 UTC
 * because StartTime is (CloudWatch aligns periods to StartTime).
 *
 * The client is passed in, built for `metric.region` by the caller.
 */
export async function dailyUnits(cw: CloudWatchClient, metric: UnitMetric, start: IsoDate, endExclusive: IsoDate): Promise<DailyUnits> {
  const days = dayRange(start, endExclusive).slice(0, -1);
  const byDay = new Map<IsoDate, number>(days.map((d) => [d, 0]));
  const reported = new Set<IsoDate>();
  if (!days.length) return { byDay, reported, requests: 0 };
  let requests = 0;
  let token: string | undefined;
  do {
    const out = await cw
      .send(
        new GetMetricDataCommand({
          MetricDataQueries: [
            {
              Id: 'units',
              MetricStat: {
                Metric: {
                  Namespace: metric.namespace,
                  MetricName: metric.metricName,
                  Dimensions: Object.entries(metric.dimensions).map(([Name, Value]) => ({ Name, Value })),
                },
                Period: DAY_S,
                Stat: metric.stat,
              },
              ReturnData: true,
            },
          ],
          StartTime: new Date(`${start}T00:00:00Z`),
          EndTime: new Date(`${endExclusive}T00:00:00Z`),
          ScanBy: 'TimestampAscending',
          NextToken: token,
        }),
      )
      .catch((err: unknown) => {
        throw explainAwsError(err, `CloudWatch GetMetricData (${metric.namespace}/${metric.metricName})`, 'cloudwatch:GetMetricData');
      });
    requests += attemptsOf(out);
    for (const r of out.MetricDataResults ?? []) {
      (r.Timestamps ?? []).forEach((t, i) => {
        const day = new Date(t).toISOString().slice(0, 10);
        if (!byDay.has(day)) return;
        byDay.set(day, (byDay.get(day) ?? 0) + (r.Values?.[i] ?? 0));
        reported.add(day);
      });
    }
    token = out.NextToken || undefined;
  } while (token);
  return { byDay, reported, requests };
}
