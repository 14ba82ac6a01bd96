/** Tags as a plain map, from AWS's `[{ Key, Value }]` lists. */
export type TagMap = Readonly<Record<string, string>>;

export const PROTECT_TAG = 'cost-watch:protect';

export function tagMap(tags: readonly { Key?: string; Value?: string }[] | undefined): TagMap {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return out;
}

/** Every key of `wanted` must match (AND); any listed value of a key matches (OR). Keys and values compare exactly, as AWS filters do. */
export function matchesTags(tags: TagMap, wanted: Readonly<Record<string, readonly string[]>>): boolean {
  return Object.entries(wanted).every(([key, values]) => key in tags && values.includes(tags[key]!));
}

/** `cost-watch:protect` = `true`, key and value compared case-insensitively: people write `True` and `Cost-Watch:Protect`. */
export function isProtected(tags: TagMap): boolean {
  return Object.entries(tags).some(([k, v]) => k.toLowerCase() === PROTECT_TAG && v.trim().toLowerCase() === 'true');
}

/** The Name tag, for people reading a plan. */
export const nameOf = (tags: TagMap): string | undefined => tags.Name || undefined;
