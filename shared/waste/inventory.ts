import type { ListedResource } from '../detect/ownership/unassigned.js';
import { ownerTags } from '../detect/ownership/tags.js';
import type { OwnerTags } from '../detect/ownership/types.js';
import type { ListingName, Listings, Tags } from '../detect/waste/types.js';
import { LISTING_NAMES, LISTINGS } from './listings/index.js';

/** Where an ARN is written: the scope's partition, region and account. */
interface ArnWhere {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/** Each listing's ARN, as the Tagging API writes it (EC2 snapshots and AMIs carry no account). */
const ARNS: { readonly [K in ListingName]: (id: string, w: ArnWhere) => string } = {
  instances: (id, w) => `arn:${w.partition}:ec2:${w.region}:${w.account}:instance/${id}`,
  volumes: (id, w) => `arn:${w.partition}:ec2:${w.region}:${w.account}:volume/${id}`,
  addresses: (id, w) => `arn:${w.partition}:ec2:${w.region}:${w.account}:elastic-ip/${id}`,
  natGateways: (id, w) => `arn:${w.partition}:ec2:${w.region}:${w.account}:natgateway/${id}`,
  snapshots: (id, w) => `arn:${w.partition}:ec2:${w.region}::snapshot/${id}`,
  images: (id, w) => `arn:${w.partition}:ec2:${w.region}::image/${id}`,
  loadBalancers: (id) => id,
  dbInstances: (id, w) => `arn:${w.partition}:rds:${w.region}:${w.account}:db:${id}`,
};

export const partitionOf = (region: string) => (region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');

type Item = { readonly tags: Readonly<Record<string, string>> };
const GONE = new Set(['terminated', 'shutting-down', 'deleting', 'deleted']);
const gone = (item: object) => ['state', 'status'].some((k) => GONE.has(String((item as Record<string, unknown>)[k])));

/** Every resource the scan listed (exempt ones already removed), with its ARN: what ownership checks beside the Tagging API. */
export function listedResources(kept: Listings, where: ArnWhere): ListedResource[] {
  return LISTING_NAMES.flatMap((name) => {
    const idOf = (LISTINGS[name] as unknown as { idOf: (item: Item) => string }).idOf;
    return (kept[name] as readonly Item[])
      .filter((item) => !gone(item))
      .map((item) => ({ id: idOf(item), arn: ARNS[name](idOf(item), where), tags: item.tags }));
  });
}

/** Ids of the resources exempt now (tagged exempt, or exempt through another): a finding of theirs that vanished was not saved. */
export function exemptIds(unfiltered: Listings, kept: Listings): string[] {
  return LISTING_NAMES.flatMap((name) => {
    const idOf = (LISTINGS[name] as unknown as { idOf: (item: Item) => string }).idOf;
    const stay = new Set((kept[name] as readonly Item[]).map(idOf));
    return (unfiltered[name] as readonly Item[]).map(idOf).filter((id) => !stay.has(id));
  });
}

/** Each listed resource's values of the ownership keys, by the id findings name it by. */
export function ownerTagsById(all: Listings, keys: readonly string[]): Map<string, OwnerTags> {
  const out = new Map<string, OwnerTags>();
  if (!keys.length) return out;
  for (const name of LISTING_NAMES) {
    const source = LISTINGS[name] as unknown as { idOf: (item: { tags: Tags }) => string };
    for (const item of all[name] as ReadonlyArray<{ tags: Tags }>) out.set(source.idOf(item), ownerTags(item.tags, keys));
  }
  return out;
}
