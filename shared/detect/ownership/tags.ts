import type { OwnerTags } from './types.js';

/** A tag "carried" has a value: AWS allows `team=""`, which names no team. */
const valueOf = (tags: Readonly<Record<string, string>>, key: string) => tags[key]?.trim() ?? '';

/** The ownership keys a resource carries, with their values (empty values left out). */
export function ownerTags(tags: Readonly<Record<string, string>>, keys: readonly string[]): OwnerTags {
  return Object.fromEntries(keys.filter((k) => valueOf(tags, k) !== '').map((k) => [k, tags[k]!]));
}

/** The ownership keys a resource lacks, in `ownership.tags` order; empty when it carries them all. */
export function missingKeys(tags: Readonly<Record<string, string>>, keys: readonly string[]): string[] {
  return keys.filter((k) => valueOf(tags, k) === '');
}
