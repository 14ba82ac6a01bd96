import { PutMetricDataCommand, type CloudWatchClient, type MetricDatum } from '@aws-sdk/client-cloudwatch';

export interface UnitMetricSeed {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions?: Readonly<Record<string, string>>;
}

/**
 * Seeds a business metric (leads, orders…) as `count` datapoints per day spread
 * over the day's hours, so a per-day Sum has to aggregate. The client must be
 * built with `disableRequestCompression: true`: moto answers gzip PutMetricData with 500.
 */
export async function putDailyUnits(
  cw: CloudWatchClient,
  seed: UnitMetricSeed,
  unitsByDay: Readonly<Record<string, number>>,
  perDay = 4,
): Promise<void> {
  const data: MetricDatum[] = [];
  const Dimensions = Object.entries(seed.dimensions ?? {}).map(([Name, Value]) => ({ Name, Value }));
  for (const [day, units] of Object.entries(unitsByDay))
    for (let i = 0; i < perDay; i++)
      data.push({
        MetricName: seed.metricName,
        Dimensions,
        Timestamp: new Date(Date.parse(`${day}T00:30:00Z`) + i * 5 * 3_600_000),
        Value: units / perDay,
        Unit: 'Count',
      });
  for (let i = 0; i < data.length; i += 1000)
    await cw.send(new PutMetricDataCommand({ Namespace: seed.namespace, MetricData: data.slice(i, i + 1000) }));
}
