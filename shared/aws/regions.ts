import { DescribeRegionsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { ConfigError } from '../errors.js';
import { mapLimit } from '../concurrency.js';
import { explainAwsError } from './errors.js';

import { COMMERCIAL_REGIONS } from '../config/region-names.js';

export { COMMERCIAL_REGIONS };

const KNOWN = new Set(COMMERCIAL_REGIONS);

/** Throws ConfigError (exit 2) naming the first unknown region, e.g. `idle.regions: unknown region "us-east-9"`. */
export function assertKnownRegions(regions: readonly string[], key = 'idle.regions'): void {
  const unknown = regions.filter((r) => !KNOWN.has(r));
  if (!unknown.length) return;
  const list = unknown.map((r) => `"${r}"`).join(', ');
  throw new ConfigError(
    `${key}: unknown region${unknown.length > 1 ? 's' : ''} ${list}: expected commercial AWS region names such as "us-east-1", or "all"`,
    unknown.map((r) => `${key}: unknown region "${r}"`),
  );
}

/** A region's partition by its name: GovCloud, China and ISO regions never mix with commercial ones. */
function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-iso')) return 'aws-iso';
  return 'aws';
}

/**
 * Every region enabled for the account (`idle.regions: "all"`): those that need
 * no opt-in plus those opted in, in the partition of the region asked.
 */
export async function enabledRegions(ec2: EC2Client, askedFrom: string): Promise<string[]> {
  const out = await ec2
    .send(new DescribeRegionsCommand({ Filters: [{ Name: 'opt-in-status', Values: ['opt-in-not-required', 'opted-in'] }] }))
    .catch((err: unknown) => {
      throw explainAwsError(err, 'EC2 DescribeRegions', 'ec2:DescribeRegions');
    });
  const partition = partitionOf(askedFrom);
  return (out.Regions ?? [])
    .filter((r) => r.OptInStatus !== 'not-opted-in')
    .map((r) => r.RegionName ?? '')
    .filter((name) => name && partitionOf(name) === partition)
    .sort();
}

export interface RegionError {
  readonly region: string;
  readonly message: string;
}

/**
 * Runs `scan` for every region, at most `concurrency` at a time. A region that
 * fails is recorded, not thrown: one region without permission or not opted in
 * must not hide the waste found in the others.
 */
export async function forEachRegion<T>(
  regions: readonly string[],
  concurrency: number,
  scan: (region: string) => Promise<T>,
  describe: (err: unknown) => string,
): Promise<{ results: Array<{ region: string; value: T }>; errors: RegionError[] }> {
  type Outcome = { region: string; ok: true; value: T } | { region: string; ok: false; message: string };
  const outcomes = await mapLimit(regions, concurrency, async (region): Promise<Outcome> => {
    try {
      return { region, ok: true, value: await scan(region) };
    } catch (err) {
      return { region, ok: false, message: describe(err) };
    }
  });
  const results: Array<{ region: string; value: T }> = [];
  const errors: RegionError[] = [];
  for (const o of outcomes) {
    if (o.ok) results.push({ region: o.region, value: o.value });
    else errors.push({ region: o.region, message: o.message });
  }
  return { results, errors };
}
