import { GetDimensionValuesCommand, type CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { addDays, today } from '../time/dates.js';
import { explainAwsError } from './errors.js';

/** Cost Explorer keeps 13 months of daily data; a service billed in that time is one daily-spend may alert on. */
const LOOKBACK_DAYS = 390;

/**
 * The service names Cost Explorer bills under (the keys of daily-spend's
 * service alerts): one GetDimensionValues request ($0.01), more pages only
 * as AWS requires.
 */
export async function billedServiceNames(ce: CostExplorerClient, now: Date): Promise<string[]> {
  const end = today(now);
  const names: string[] = [];
  let token: string | undefined;
  do {
    const out = await ce
      .send(
        new GetDimensionValuesCommand({
          Dimension: 'SERVICE',
          TimePeriod: { Start: addDays(end, -LOOKBACK_DAYS), End: end },
          NextPageToken: token,
        }),
      )
      .catch((err: unknown) => {
        throw explainAwsError(err, 'Cost Explorer GetDimensionValues', 'ce:GetDimensionValues');
      });
    names.push(...(out.DimensionValues ?? []).flatMap((v) => (v.Value ? [v.Value] : [])));
    token = out.NextPageToken;
  } while (token);
  return names;
}
