import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { explainAwsError } from './errors.js';

/** GetMetricData accepts at most 500 queries a request. */
export const MAX_QUERIES_PER_CALL = 500;

export interface CpuWindow {
  readonly start: Date;
  readonly end: Date;
}

export interface CpuAverages {
  /** Average CPUUtilization over the window, by instance id; absent when CloudWatch has no data. */
  readonly byInstance: Map<string, number>;
  /** GetMetricData requests made (pages included). */
  readonly requests: number;
}

/**
 * Average CPUUtilization of each instance over the window, 500 instances a
 * request. The period is the whole window, so each query answers one
 * datapoint: CloudWatch's own sample-weighted average over every sample, and
 * the response stays far below the 100,800-datapoint cap whatever
 * lookbackDays is. The window is whole days, a multiple of 3,600 s, which
 * CloudWatch requires for data older than 63 days.
 *
 * Throttling is retried by the client (adaptive retry); PartialData and
 * NextToken pages are followed to the end, merging values by query id.
 */
export async function averageCpu(cw: CloudWatchClient, region: string, instanceIds: readonly string[], window: CpuWindow): Promise<CpuAverages> {
  const period = Math.round((window.end.getTime() - window.start.getTime()) / 1000);
  const byInstance = new Map<string, number>();
  let requests = 0;
  for (let offset = 0; offset < instanceIds.length; offset += MAX_QUERIES_PER_CALL) {
    const batch = instanceIds.slice(offset, offset + MAX_QUERIES_PER_CALL);
    // Query ids must start with a lower-case letter; the index maps back to the instance.
    const queries: MetricDataQuery[] = batch.map((id, i) => ({
      Id: `q${i}`,
      MetricStat: {
        Metric: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: id }] },
        Period: period,
        Stat: 'Average',
      },
      ReturnData: true,
    }));
    const values = new Map<string, number[]>();
    let token: string | undefined;
    do {
      const out = await cw
        .send(new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: window.start, EndTime: window.end, ScanBy: 'TimestampAscending', NextToken: token }))
        .catch((err: unknown) => {
          throw explainAwsError(err, `CloudWatch GetMetricData in ${region}`, 'cloudwatch:GetMetricData');
        });
      requests++;
      for (const r of out.MetricDataResults ?? []) {
        if (!r.Id) continue;
        const list = values.get(r.Id) ?? [];
        list.push(...(r.Values ?? []));
        values.set(r.Id, list);
      }
      token = out.NextToken || undefined;
    } while (token);
    batch.forEach((id, i) => {
      const v = values.get(`q${i}`);
      // More than one value only when CloudWatch split the window (period alignment): weight them equally.
      if (v?.length) byInstance.set(id, v.reduce((a, b) => a + b, 0) / v.length);
    });
  }
  return { byInstance, requests };
}
