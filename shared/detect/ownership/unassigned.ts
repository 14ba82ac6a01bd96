import { missingKeys, ownerTags } from './tags.js';
import type { UnassignedResource } from './types.js';

type Tags = Readonly<Record<string, string>>;

/** A resource as the Tagging API lists it. */
export interface TaggedResource {
  readonly arn: string;
  readonly tags: Tags;
}

/** A resource of the scan's own listings (the Tagging API never lists one that was never tagged). */
export interface ListedResource extends TaggedResource {
  /** The id the listing names it by (an ARN for load balancers). */
  readonly id: string;
}

/** `service:type` as the Tagging API's ResourceTypeFilters write it: `ec2:instance`, `rds:db`, `s3:bucket`. */
export function resourceTypeOfArn(arn: string): string {
  const parts = arn.split(':');
  const service = parts[2] ?? '';
  const resource = parts.slice(5).join(':');
  const slash = resource.indexOf('/');
  const colon = resource.indexOf(':');
  const cut = [slash, colon].filter((i) => i > 0);
  if (cut.length) return `${service}:${resource.slice(0, Math.min(...cut))}`;
  return service === 's3' ? 's3:bucket' : service;
}

/** The last part of an ARN's resource: the id the EC2 and RDS listings use (load balancers are named by the whole ARN). */
export const resourceIdOfArn = (arn: string) => arn.split(/[:/]/).pop() ?? arn;

/**
 * The scope's resources missing any ownership key: everything the Tagging API
 * listed, plus the listed resources it could not know (never tagged). Exempt
 * resources are left out by the caller. Sorted by ARN, so runs compare.
 */
export function unassignedResources(
  scope: { readonly account: string | null; readonly region: string },
  keys: readonly string[],
  tagged: readonly TaggedResource[],
  listed: readonly ListedResource[],
): UnassignedResource[] {
  const known = new Set(tagged.flatMap((r) => [r.arn, resourceIdOfArn(r.arn)]));
  const all = [...tagged, ...listed.filter((r) => !known.has(r.id) && !known.has(r.arn))];
  return all
    .map((r) => ({ r, missing: missingKeys(r.tags, keys) }))
    .filter(({ missing }) => missing.length > 0)
    .map(({ r, missing }) => ({
      account: scope.account,
      region: scope.region,
      arn: r.arn,
      resourceType: resourceTypeOfArn(r.arn),
      missing,
      tags: ownerTags(r.tags, keys),
    }))
    .sort((a, b) => a.arn.localeCompare(b.arn));
}
