import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricQuery } from '../detect/waste/types.js';
import { explainAwsError } from '../aws/errors.js';
import type { ListingIam } from './listings/index.js';

/** What the scan's metric reads need from IAM (every rule's queries go through fetchMetrics). */
export const METRICS_IAM: ListingIam = {
  actions: ['cloudwatch:GetMetricData'],
  why: 'cloudwatch:GetMetricData supports no resource-level permissions: it only accepts Resource "*".',
};

/** GetMetricData accepts at most 500 queries a request. */
export const MAX_QUERIES_PER_CALL = 500;

export interface MetricWindow {
  readonly start: Date;
  readonly end: Date;
}

export interface MetricAnswers {
  /** Values by query index in the input; an empty list when CloudWatch had no datapoints. */
  readonly values: number[][];
  readonly requests: number;
}

/**
 * Every metric query of a scope, from every rule, in as few GetMetricData
 * calls as the API allows: ceil(queries / 500), plus NextToken pages when
 * CloudWatch splits an answer. The period is the whole window, so each query
 * answers one datapoint (CloudWatch's own aggregate over every sample) and
 * the response stays far below the 100,800-datapoint cap. The window is whole
 * days, a multiple of 3,600 s, as CloudWatch requires for data older than 63 days.
 */
export async function fetchMetrics(
  cw: CloudWatchClient,
  region: string,
  queries: readonly MetricQuery[],
  window: MetricWindow,
): Promise<MetricAnswers> {
  const period = Math.round((window.end.getTime() - window.start.getTime()) / 1000);
  const values: number[][] = queries.map(() => []);
  let requests = 0;
  for (let offset = 0; offset < queries.length; offset += MAX_QUERIES_PER_CALL) {
    // Query ids must start with a lower-case letter; the number maps back to the input index.
    const batch: MetricDataQuery[] = queries.slice(offset, offset + MAX_QUERIES_PER_CALL).map((q, i) => ({
      Id: `q${offset + i}`,
      MetricStat: {
        Metric: {
          Namespace: q.namespace,
          MetricName: q.metricName,
          Dimensions: Object.entries(q.dimensions).map(([Name, Value]) => ({ Name, Value })),
        },
        Period: period,
        Stat: q.stat,
      },
      ReturnData: true,
    }));
    let token: string | undefined;
    do {
      const out = await cw
        .send(
          new GetMetricDataCommand({
            MetricDataQueries: batch,
            StartTime: window.start,
            EndTime: window.end,
            ScanBy: 'TimestampAscending',
            NextToken: token,
          }),
        )
        .catch((err: unknown) => {
          throw explainAwsError(err, `CloudWatch GetMetricData in ${region}`, 'cloudwatch:GetMetricData');
        });
      requests++;
      for (const r of out.MetricDataResults ?? []) {
        const index = Number(r.Id?.slice(1));
        if (Number.isInteger(index) && values[index]) values[index].push(...(r.Values ?? []));
      }
      token = out.NextToken || undefined;
    } while (token);
  }
  return { values, requests };
}
