import type { GetDimensionValuesRequest, GetDimensionValuesResponse } from '@aws-sdk/client-cost-explorer';
import { CostExplorerFault, type Dataset } from './cost-explorer-model.js';

/** GetDimensionValues for SERVICE: the services billed in the period, as AWS lists them (one page). */
export function getDimensionValues(dataset: Dataset, req: GetDimensionValuesRequest): GetDimensionValuesResponse {
  if (req.Dimension !== 'SERVICE')
    throw new CostExplorerFault('ValidationException', `The double answers GetDimensionValues for SERVICE only, not ${req.Dimension}`);
  const start = req.TimePeriod?.Start;
  const end = req.TimePeriod?.End;
  if (!start || !end || start >= end) throw new CostExplorerFault('ValidationException', 'TimePeriod needs Start before End');
  const search = req.SearchString?.toLowerCase();
  const inPeriod = dataset.records.filter((r) => r.date >= start && r.date < end);
  const services = new Set(inPeriod.filter((r) => !search || r.service.toLowerCase().includes(search)).map((r) => r.service));
  const values = [...services].sort().map((Value) => ({ Value, Attributes: {} }));
  return { DimensionValues: values, ReturnSize: values.length, TotalSize: values.length };
}
