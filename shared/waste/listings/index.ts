import type { ListingName, Listings } from '../../detect/waste/types.js';
import { addresses } from './addresses.js';
import { dbInstances } from './db-instances.js';
import { images } from './images.js';
import { instances } from './instances.js';
import { loadBalancers } from './load-balancers.js';
import { natGateways } from './nat-gateways.js';
import { snapshots } from './snapshots.js';
import type { Listed, ListingSource, ScopeClients } from './types.js';
import { volumes } from './volumes.js';

export type { IamWhere, Listed, ListingIam, ListingSource, ScopeClients } from './types.js';

/**
 * Every resource type the waste scan can list, one file each (a paginated
 * Describe call, its IAM actions, how the exempt tag applies). Adding one:
 * its item type in shared/detect/waste/types.ts (what rules read), its file
 * here and one line below; the scanner, the exemption and the IAM tables of
 * the job role and the member-account role follow from it.
 */
export const LISTINGS: { readonly [K in ListingName]: ListingSource<K> } = {
  instances,
  volumes,
  addresses,
  natGateways,
  snapshots,
  images,
  loadBalancers,
  dbInstances,
};

export const LISTING_NAMES = Object.keys(LISTINGS) as ListingName[];

/** No resource of any type: what a scope starts from before its listings come in. */
export const emptyListings = (): Listings => Object.fromEntries(LISTING_NAMES.map((n) => [n, []])) as unknown as Listings;

/** Makes one listing with the client of its service (clients may be getters: only that one is built). */
export function makeListing<K extends ListingName>(name: K, clients: ScopeClients, region: string): Promise<Listed<Listings[K][number]>> {
  const source = LISTINGS[name] as ListingSource<K>;
  return source.list(clients[source.service], region);
}
