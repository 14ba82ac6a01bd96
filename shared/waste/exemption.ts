import type { ListingName, Listings, Tags } from '../detect/waste/types.js';
import { LISTINGS, LISTING_NAMES, type ListingSource } from './listings/index.js';

export function isExempt(tags: Tags, exemptTag: string): boolean {
  return tags[exemptTag]?.trim().toLowerCase() === 'true';
}

export interface Exemption {
  /** The listings without exempt resources: what rules judge. */
  readonly kept: Listings;
  /** Resources tagged exempt themselves (those exempt only through another resource, such as an instance's volumes, not counted). */
  readonly tagged: number;
}

type Tagged = { readonly tags: Tags };
const itemsOf = (all: Listings, name: ListingName) => all[name] as readonly Tagged[];
const sourceOf = (name: ListingName) =>
  LISTINGS[name] as unknown as ListingSource<ListingName> & {
    readonly idOf: (item: Tagged) => string;
    readonly exemptWith?: { readonly listing: ListingName; readonly ids: (item: Tagged) => readonly string[] };
  };

/**
 * Applies `exemptTag` = true to every listing that declares it, before any
 * rule sees it: a rule cannot forget it. A listing may also be exempt through
 * another (a volume attached to an exempt instance is exempt too).
 */
export function applyExemption(all: Listings, exemptTag: string): Exemption {
  const exemptIds = new Map<ListingName, Set<string>>();
  let tagged = 0;
  for (const name of LISTING_NAMES) {
    const source = sourceOf(name);
    const exempt = source.exemptTag ? itemsOf(all, name).filter((i) => isExempt(i.tags, exemptTag)) : [];
    exemptIds.set(name, new Set(exempt.map(source.idOf)));
    tagged += exempt.length;
  }
  const kept = Object.fromEntries(
    LISTING_NAMES.map((name) => {
      const source = sourceOf(name);
      const through = source.exemptWith && exemptIds.get(source.exemptWith.listing)!;
      const items = itemsOf(all, name).filter(
        (i) => !(source.exemptTag && isExempt(i.tags, exemptTag)) && !(through && source.exemptWith!.ids(i).some((id) => through.has(id))),
      );
      return [name, items];
    }),
  ) as unknown as Listings;
  return { kept, tagged };
}
