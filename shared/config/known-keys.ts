import type * as z from 'zod/mini';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.core.$ZodType>;
  readonly innerType?: z.core.$ZodType;
  readonly element?: z.core.$ZodType;
  readonly in?: z.core.$ZodType;
  readonly out?: z.core.$ZodType;
  readonly options?: readonly z.core.$ZodType[];
  readonly valueType?: z.core.$ZodType;
  readonly getter?: () => z.core.$ZodType;
}

const defOf = (s: z.core.$ZodType) => s._zod.def as unknown as Def;

/** The object schemas a value at this schema may be, wrappers (optional, default, pipe, union, lazy) looked through. */
function objectsOf(schema: z.core.$ZodType, depth = 0): Def[] {
  if (depth > 20) return [];
  const def = defOf(schema);
  if (def.type === 'object') return [def];
  const inner = def.innerType ?? def.in ?? def.getter?.();
  if (inner) return objectsOf(inner, depth + 1);
  if (def.options) return def.options.flatMap((o) => objectsOf(o, depth + 1));
  return [];
}

function childrenAt(schema: z.core.$ZodType, part: PropertyKey, depth = 0): z.core.$ZodType[] {
  if (depth > 20) return [];
  const def = defOf(schema);
  if (typeof part === 'number') {
    if (def.element) return [def.element];
    const inner = def.innerType ?? def.in ?? def.getter?.();
    if (inner) return childrenAt(inner, part, depth + 1);
    return (def.options ?? []).flatMap((o) => childrenAt(o, part, depth + 1));
  }
  const objects = objectsOf(schema);
  const found = objects.flatMap((o) => (o.shape?.[String(part)] ? [o.shape[String(part)]!] : []));
  if (found.length) return found;
  // A record (keyed by names the user chooses): every key leads to its value schema.
  const record = (s: z.core.$ZodType): z.core.$ZodType[] => {
    const d = defOf(s);
    if (d.valueType) return [d.valueType];
    const inner = d.innerType ?? d.in;
    return inner ? record(inner) : (d.options ?? []).flatMap(record);
  };
  return record(schema);
}

/** The keys an object at `path` of `schema` accepts; empty when the path leads to no object. */
export function knownKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let at: z.core.$ZodType[] = [schema];
  for (const part of path) at = at.flatMap((s) => childrenAt(s, part));
  return [...new Set(at.flatMap((s) => objectsOf(s)).flatMap((o) => Object.keys(o.shape ?? {})))];
}
