import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { num, withDefault } from './primitives.js';

/**
 * `containers`: Kubernetes cost by cluster and namespace from an AWS Data
 * Exports CUR 2.0 export with split cost allocation data. Keys without a
 * schema default are resolved by `resolveContainers`, so the validated config
 * re-parses to itself (the stack hands it to the Lambdas as JSON):
 * - `export.prefix`: "cur2/" with a bucket;
 * - `export.name`: the one export folder under the prefix (the stack names its export "cost-watch-cur2");
 * - `engine`: "athena" with a bucket, "duckdb" with a `path`;
 * - `athena`: workgroup "cost-watch", database "cost_watch", table "cur2", scan limit 10 GiB per query.
 */

export const DEFAULT_EXPORT_PREFIX = 'cur2/';
/** The export the stack creates when `export.name` is absent. */
export const DEFAULT_EXPORT_NAME = 'cost-watch-cur2';
export const CONTAINER_ENGINES = ['athena', 'duckdb'] as const;
export type ContainerEngine = (typeof CONTAINER_ENGINES)[number];

const text = (what: string, pattern: RegExp) =>
  z.string({ error: `expected ${what}` }).check(z.regex(pattern, { error: `expected ${what}` }));

/** A local export folder: only a file:/// URL with an absolute path, so a run never depends on its working directory. */
function fileUrlProblem(value: string): string | null {
  if (!value.startsWith('file:///')) return 'expected a file:/// URL of the export folder, such as "file:///data/cur/cost-watch-cur2"';
  try {
    fileURLToPath(value);
    return null;
  } catch (err) {
    return `expected a file:/// URL of a local folder: ${(err as Error).message}`;
  }
}

const exportSchema = z
  .strictObject(
    {
      bucket: z.optional(text('an S3 bucket name such as "my-cur"', /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)),
      prefix: z.optional(
        text(
          'a key prefix ending in "/" such as "cur2/", or "" for the bucket root',
          /^(?:[A-Za-z0-9!_.*'()=-][A-Za-z0-9!_.*'()=/-]*\/)?$/,
        ),
      ),
      name: z.optional(text("the export name (letters, digits and !-_.*'() only, at most 128)", /^[0-9A-Za-z!_.*'()-]{1,128}$/)),
      path: z.optional(
        z
          .string({ error: 'expected a file:/// URL' })
          .check(z.refine((v) => fileUrlProblem(v) === null, { error: (i) => `${fileUrlProblem(String(i.input))}` })),
      ),
    },
    { error: 'expected { "bucket", "prefix", "name"? } or { "path": "file:///…/<export name>" }' },
  )
  .check(
    z.superRefine((v, ctx) => {
      if (v.path !== undefined && (v.bucket !== undefined || v.prefix !== undefined || v.name !== undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['path'],
          message: 'expected either "path" or "bucket"/"prefix"/"name", not both',
          input: v.path,
        });
      if (v.path === undefined && v.bucket === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['bucket'],
          message: 'expected the S3 bucket of the CUR 2.0 export, or "path": "file:///…" for a local copy',
          input: v,
        });
    }),
  );

const glueName = (what: string, example: string) =>
  text(`a ${what} name such as "${example}" (lower-case letters, digits and _)`, /^[a-z0-9_]{1,255}$/);

export const athenaSchema = z.strictObject({
  workgroup: withDefault(text('an Athena workgroup name such as "cost-watch"', /^[A-Za-z0-9._-]{1,128}$/), 'cost-watch'),
  database: withDefault(glueName('Glue database', 'cost_watch'), 'cost_watch'),
  /** Interpolated into the SQL as a quoted identifier: the pattern is what keeps it an identifier. */
  table: withDefault(glueName('Glue table', 'cur2'), 'cur2'),
  /** The workgroup's bytes-scanned cutoff per query (Athena's minimum is 10 MB). */
  scanLimitGiB: withDefault(
    num().check(
      z.gte(0.01, { error: 'expected at least 0.01 (10 MB, the Athena minimum)' }),
      z.lte(10_000, { error: 'expected at most 10000' }),
    ),
    10,
  ),
});

export const containersSchema = z
  .strictObject(
    {
      export: exportSchema,
      engine: z.optional(z.enum(CONTAINER_ENGINES, { error: `expected one of ${CONTAINER_ENGINES.join(', ')}` })),
      athena: z._default(athenaSchema, () => athenaSchema.parse({})),
    },
    { error: 'expected an object { export, engine?, athena? }' },
  )
  .check(
    z.superRefine((v, ctx) => {
      if (v.engine === 'athena' && v.export.path !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['engine'],
          message: 'athena reads the export from S3: set export.bucket, or use "duckdb" for a local folder',
          input: v.engine,
        });
    }),
  );

export type ContainersConfig = z.output<typeof containersSchema>;
export type AthenaConfig = z.output<typeof athenaSchema>;

/** Where the export is, every default applied. */
export type ExportLocation =
  | { readonly kind: 's3'; readonly bucket: string; readonly prefix: string; readonly name?: string }
  | { readonly kind: 'file'; readonly dir: string; readonly url: string };

export interface ResolvedContainers {
  readonly engine: ContainerEngine;
  readonly export: ExportLocation;
  readonly athena: AthenaConfig;
}

export function resolveContainers(c: ContainersConfig): ResolvedContainers {
  const e = c.export;
  const location: ExportLocation =
    e.path !== undefined
      ? { kind: 'file', dir: fileURLToPath(e.path), url: e.path }
      : { kind: 's3', bucket: e.bucket ?? '', prefix: e.prefix ?? DEFAULT_EXPORT_PREFIX, ...(e.name ? { name: e.name } : {}) };
  return { engine: c.engine ?? (location.kind === 'file' ? 'duckdb' : 'athena'), export: location, athena: c.athena };
}
