import { createHash } from 'node:crypto';
import type {
  DateInterval,
  GetCostAndUsageRequest,
  GetCostAndUsageResponse,
  Group,
  MetricValue,
  ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import { CostExplorerFault, groupKeyReader, matchesFilter, type CostRecord, type Dataset } from './cost-explorer-model.js';

interface Bucket {
  start: string;
  end: string;
  records: CostRecord[];
}

/** A bucket's groups, already summed: one page may carry only part of them. */
interface SummedBucket {
  period: DateInterval;
  estimated: boolean;
  groups: Group[];
  total: Record<string, MetricValue>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function firstOfNextMonth(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/** AWS sends amounts as decimal strings; trim float noise without ever using exponent notation. */
export function formatAmount(amount: number): string {
  if (Math.abs(amount) < 5e-11) return '0';
  return amount.toFixed(10).replace(/\.?0+$/, '');
}

function timeBuckets(req: GetCostAndUsageRequest): Array<{ start: string; end: string }> {
  const start = req.TimePeriod?.Start;
  const end = req.TimePeriod?.End;
  if (!start || !end || !DAY.test(start) || !DAY.test(end)) {
    throw new CostExplorerFault('ValidationException', 'TimePeriod Start and End must be YYYY-MM-DD dates');
  }
  if (start >= end) {
    throw new CostExplorerFault('ValidationException', 'Start date (and hour) should be before end date (and hour)');
  }
  if (req.Granularity !== 'DAILY' && req.Granularity !== 'MONTHLY') {
    throw new CostExplorerFault(
      'ValidationException',
      `Granularity ${req.Granularity ?? '(missing)'}: the double answers DAILY or MONTHLY`,
    );
  }
  const step = req.Granularity === 'DAILY' ? (d: string) => addDays(d, 1) : firstOfNextMonth;
  const buckets: Array<{ start: string; end: string }> = [];
  for (let cursor = start; cursor < end;) {
    const next = step(cursor);
    buckets.push({ start: cursor, end: next < end ? next : end });
    cursor = next;
  }
  return buckets;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sumMetrics(records: readonly CostRecord[], metrics: readonly string[], unit: string): Record<string, MetricValue> {
  const amount = formatAmount(records.reduce((sum, r) => sum + r.amount, 0));
  return Object.fromEntries(metrics.map((m) => [m, { Amount: amount, Unit: unit }]));
}

function summarise(bucket: Bucket, req: GetCostAndUsageRequest, dataset: Dataset): SummedBucket {
  const metrics = req.Metrics ?? [];
  const unit = dataset.currency ?? 'USD';
  const readers = (req.GroupBy ?? []).map((g) => groupKeyReader(g, dataset.costAllocationTags));
  const byKey = new Map<string, { keys: string[]; records: CostRecord[] }>();
  if (readers.length > 0) {
    for (const record of bucket.records) {
      const keys = readers.map((read) => read(record));
      const id = JSON.stringify(keys);
      const entry = byKey.get(id) ?? { keys, records: [] };
      entry.records.push(record);
      byKey.set(id, entry);
    }
  }
  const groups = [...byKey.values()]
    .sort((a, b) => compare(a.keys.join('\u0000'), b.keys.join('\u0000')))
    .map((g): Group => ({ Keys: g.keys, Metrics: sumMetrics(g.records, metrics, unit) }));
  return {
    period: { Start: bucket.start, End: bucket.end },
    // The bucket holds an unfinalised day when it ends after the first estimated day.
    estimated: dataset.estimatedFrom !== undefined && bucket.end > dataset.estimatedFrom,
    groups,
    total: readers.length > 0 ? {} : sumMetrics(bucket.records, metrics, unit),
  };
}

/** Binds a page token to the request it came from, as AWS rejects a token replayed with other parameters. */
function fingerprint(req: GetCostAndUsageRequest): string {
  const { NextPageToken: _token, ...rest } = req;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
}

function readToken(req: GetCostAndUsageRequest): number {
  if (!req.NextPageToken) return 0;
  const [print, offset] = Buffer.from(req.NextPageToken, 'base64url').toString('utf8').split(':');
  if (print !== fingerprint(req) || !offset || !/^\d+$/.test(offset)) {
    throw new CostExplorerFault('InvalidNextTokenException', 'The pagination token is invalid for this request.');
  }
  return Number(offset);
}

/**
 * Cuts the flat sequence of groups (bucket by bucket) into pages of `pageSize`, as AWS does:
 * a bucket's groups may be split across pages, so callers must merge ResultsByTime by period.
 * A bucket without groups rides on the page where its position falls.
 */
function paginate(buckets: SummedBucket[], offset: number, pageSize: number): { results: ResultByTime[]; next?: number } {
  const total = buckets.reduce((n, b) => n + b.groups.length, 0);
  const limit = offset + pageSize;
  const isLast = limit >= total;
  const results: ResultByTime[] = [];
  let position = 0;
  for (const b of buckets) {
    const from = Math.max(offset, position) - position;
    const to = Math.min(limit, position + b.groups.length) - position;
    const emptyHere = b.groups.length === 0 && position >= offset && (position < limit || isLast);
    if (from < to || emptyHere) {
      results.push({ TimePeriod: b.period, Total: b.total, Groups: b.groups.slice(from, to), Estimated: b.estimated });
    }
    position += b.groups.length;
  }
  return isLast ? { results } : { results, next: limit };
}

export function getCostAndUsage(dataset: Dataset, req: GetCostAndUsageRequest, pageSize: number): GetCostAndUsageResponse {
  if (!req.Metrics?.length) throw new CostExplorerFault('ValidationException', 'Metrics must name at least one metric');
  if ((req.GroupBy?.length ?? 0) > 2) {
    throw new CostExplorerFault('ValidationException', 'GroupBy accepts at most two group definitions');
  }
  const filter = req.Filter;
  const wanted = dataset.records.filter((r) => !filter || matchesFilter(filter, r, dataset.costAllocationTags));
  const buckets = timeBuckets(req).map((t) => ({ ...t, records: wanted.filter((r) => r.date >= t.start && r.date < t.end) }));
  const summed = buckets.map((b) => summarise(b, req, dataset));
  const page = paginate(summed, readToken(req), Math.max(1, pageSize));
  return {
    GroupDefinitions: req.GroupBy ?? [],
    ResultsByTime: page.results,
    DimensionValueAttributes: [],
    ...(page.next === undefined ? {} : { NextPageToken: Buffer.from(`${fingerprint(req)}:${page.next}`).toString('base64url') }),
  };
}
