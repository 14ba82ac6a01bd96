/** AWS tag lists ({ Key, Value }[]) as a plain record; a missing value is "". */
export const tagMap = (tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));
