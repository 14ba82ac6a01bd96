import { errorMessage } from '../aws/errors.js';
import { unassignedResources, type TaggedResource } from '../detect/ownership/unassigned.js';
import type { UnassignedResource } from '../detect/ownership/types.js';
import type { Listings } from '../detect/waste/types.js';
import { isExempt } from './exemption.js';
import { listedResources, partitionOf } from './inventory.js';
import { listTaggedResources } from './listings/tagged-resources.js';
import type { Listed, ScopeClients } from './listings/index.js';

export interface OwnershipSettings {
  /** `ownership.tags`. */
  readonly keys: readonly string[];
  /** The scope's account id, for the ARNs of never-tagged resources; asked only when there is one. */
  readonly accountId: () => Promise<string>;
}

/** A scope's unassigned resources, or why its Tagging API listing failed (the scope is then named, never counted as tagged). */
export type ScopeOwnership =
  { readonly ok: true; readonly resources: UnassignedResource[] } | { readonly ok: false; readonly message: string };

type TaggedListing = { ok: true; listed: Listed<TaggedResource> } | { ok: false; message: string };

/** Starts the scope's one GetResources listing (paginated), alongside the waste listings. */
export function startTaggedListing(clients: ScopeClients, region: string): Promise<TaggedListing> {
  return listTaggedResources(clients.tagging, region).then(
    (listed) => ({ ok: true as const, listed }),
    (err: unknown) => ({ ok: false as const, message: errorMessage(err) }),
  );
}

/** Resources missing an ownership key: the Tagging API's, and the listed ones it never saw; exempt resources left out. */
export async function scopeOwnership(
  tagged: TaggedListing,
  kept: Listings,
  scope: { readonly account: string | null; readonly region: string },
  settings: OwnershipSettings,
  exemptTag: string,
): Promise<ScopeOwnership> {
  if (!tagged.ok) return tagged;
  const mine = tagged.listed.items.filter((r) => !isExempt(r.tags, exemptTag));
  const region = scope.region;
  const keys = settings.keys;
  const first = unassignedResources(scope, keys, mine, []);
  const fromListings = unassignedResources(
    scope,
    keys,
    mine,
    listedResources(kept, { partition: partitionOf(region), region, account: '' }),
  );
  // Only resources the Tagging API did not list need the account id in their ARN.
  if (fromListings.length === first.length) return { ok: true, resources: first };
  let account: string;
  try {
    account = scope.account ?? (await settings.accountId());
  } catch (err) {
    return { ok: false, message: errorMessage(err) };
  }
  const listed = listedResources(kept, { partition: partitionOf(region), region, account });
  return { ok: true, resources: unassignedResources(scope, keys, mine, listed) };
}
