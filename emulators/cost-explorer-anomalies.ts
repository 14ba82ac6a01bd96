import { createHash } from 'node:crypto';
import type { Anomaly, GetAnomaliesRequest, GetAnomaliesResponse, TotalImpactFilter } from '@aws-sdk/client-cost-explorer';
import { CostExplorerFault } from './cost-explorer-model.js';

/**
 * GetAnomalies (Cost Anomaly Detection) over a list of anomalies in the SDK's
 * own shape. `null` means Cost Anomaly Detection is not set up: AWS then has
 * no monitor to read, which the double answers as an error so callers can
 * show that case (see README: what AWS answers exactly is not documented).
 */
export type AnomalySet = readonly Anomaly[] | null;

export const NOT_SET_UP_MESSAGE = 'Cost Anomaly Detection is not enabled for this account: create a cost monitor first.';

const DAY = /^\d{4}-\d{2}-\d{2}/;

function impactMatches(value: number, f: TotalImpactFilter): boolean {
  const start = f.StartValue ?? 0;
  switch (f.NumericOperator) {
    case 'EQUAL':
      return value === start;
    case 'GREATER_THAN_OR_EQUAL':
      return value >= start;
    case 'LESS_THAN_OR_EQUAL':
      return value <= start;
    case 'GREATER_THAN':
      return value > start;
    case 'LESS_THAN':
      return value < start;
    case 'BETWEEN':
      if (f.EndValue === undefined) throw new CostExplorerFault('ValidationException', 'BETWEEN needs an EndValue');
      return value >= start && value <= f.EndValue;
    default:
      throw new CostExplorerFault('ValidationException', `NumericOperator ${String(f.NumericOperator)} is not valid`);
  }
}

function fingerprint(req: GetAnomaliesRequest): string {
  const { NextPageToken: _t, ...rest } = req;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
}

function readToken(req: GetAnomaliesRequest): number {
  if (!req.NextPageToken) return 0;
  const [print, offset] = Buffer.from(req.NextPageToken, 'base64url').toString('utf8').split(':');
  if (print !== fingerprint(req) || !offset || !/^\d+$/.test(offset))
    throw new CostExplorerFault('InvalidNextTokenException', 'The pagination token is invalid for this request.');
  return Number(offset);
}

/** AWS returns anomalies whose AnomalyEndDate falls in DateInterval (both ends inclusive, by day). */
export function getAnomalies(set: AnomalySet, req: GetAnomaliesRequest, pageSize: number): GetAnomaliesResponse {
  if (set === null) throw new CostExplorerFault('ValidationException', NOT_SET_UP_MESSAGE);
  const start = req.DateInterval?.StartDate;
  const end = req.DateInterval?.EndDate;
  if (!start || !DAY.test(start) || (end !== undefined && !DAY.test(end)))
    throw new CostExplorerFault('ValidationException', 'DateInterval StartDate (and EndDate) must be YYYY-MM-DD dates');
  if (req.MaxResults !== undefined && (req.MaxResults < 1 || !Number.isInteger(req.MaxResults)))
    throw new CostExplorerFault('ValidationException', 'MaxResults must be a positive integer');
  const [from, to] = [start.slice(0, 10), end?.slice(0, 10) ?? '9999-12-31'];
  const found = set.filter((a) => {
    const ended = (a.AnomalyEndDate ?? a.AnomalyStartDate ?? '').slice(0, 10);
    if (ended < from || ended > to) return false;
    if (req.MonitorArn && a.MonitorArn !== req.MonitorArn) return false;
    if (req.Feedback && a.Feedback !== req.Feedback) return false;
    return !req.TotalImpact || impactMatches(a.Impact?.TotalImpact ?? 0, req.TotalImpact);
  });
  const offset = readToken(req);
  const size = Math.min(req.MaxResults ?? pageSize, pageSize);
  const page = found.slice(offset, offset + size);
  const next = offset + size < found.length ? Buffer.from(`${fingerprint(req)}:${offset + size}`).toString('base64url') : undefined;
  return { Anomalies: page, ...(next ? { NextPageToken: next } : {}) };
}
