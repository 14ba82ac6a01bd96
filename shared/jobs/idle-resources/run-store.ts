import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import * as z from 'zod/mini';
import { explainAwsError } from '../../aws/errors.js';
import type { Scope } from '../../aws/scopes.js';
import type { JobContext } from '../common/context.js';
import type { IdlePlan } from './plan.js';
import type { ScanOutcome } from './scan.js';

/**
 * Where the state machine's steps hand data to each other. Step Functions
 * passes at most 256 KiB between states, and 500 accounts × 17 regions of
 * items or findings are more than that, so the plan, the item list and any
 * large scan go through S3 (under RUNS_PREFIX of the report bucket, SSE-S3),
 * and only pointers travel in the execution.
 */
export const RUNS_PREFIX = 'idle-runs/';
/** A scan whose JSON is larger than this is written to S3 instead of returned (Step Functions' 256 KiB, with room to spare). */
export const MAX_INLINE_BYTES = 200_000;

export interface PlanPointer {
  readonly bucket: string;
  readonly planKey: string;
  /** A JSON array of Scope: the Distributed Map's ItemReader. */
  readonly itemsKey: string;
  readonly items: number;
  readonly home: string | null;
  readonly date: string;
  readonly runId: string;
}

/** A scan outcome, inline or (when large) in S3. */
export type StoredOutcome =
  ScanOutcome | { readonly scope: Scope; readonly ok: true; readonly stored: { readonly bucket: string; readonly key: string } };

const s3 = (ctx: JobContext) => ctx.aws.s3();

function runBucket(ctx: JobContext): string {
  const bucket = ctx.config.report.bucket;
  if (!bucket) throw new Error('idle-resources state machine: report.bucket is required (the stack sets it to its report bucket)');
  return bucket;
}

export async function putJson(ctx: JobContext, bucket: string, key: string, value: unknown): Promise<void> {
  await s3(ctx)
    .send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: JSON.stringify(value),
        ContentType: 'application/json',
        ServerSideEncryption: 'AES256',
      }),
    )
    .catch((err: unknown) => {
      throw explainAwsError(err, `S3 PutObject s3://${bucket}/${key}`, 's3:PutObject');
    });
}

export async function getJson(ctx: JobContext, bucket: string, key: string): Promise<unknown> {
  const out = await s3(ctx)
    .send(new GetObjectCommand({ Bucket: bucket, Key: key }))
    .catch((err: unknown) => {
      throw explainAwsError(err, `S3 GetObject s3://${bucket}/${key}`, 's3:GetObject');
    });
  return JSON.parse((await out.Body?.transformToString()) ?? 'null');
}

/** Run ids come from the execution name: keep them to safe key characters. */
/** One (account, region) pair as text: `self` for the home account of a single-account config. */
const pairKey = (s: Scope) => `${s.home ? 'self' : s.id}-${s.region}`;

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');

export async function storePlan(ctx: JobContext, plan: IdlePlan, runId: string): Promise<PlanPointer> {
  const bucket = runBucket(ctx);
  const base = `${RUNS_PREFIX}${plan.date}/${safe(runId)}/`;
  const pointer = {
    bucket,
    planKey: `${base}plan.json`,
    itemsKey: `${base}items.json`,
    items: plan.items.length,
    home: plan.home,
    date: plan.date,
    runId: safe(runId),
  };
  await putJson(ctx, bucket, pointer.itemsKey, plan.items);
  await putJson(ctx, bucket, pointer.planKey, plan);
  return pointer;
}

export async function loadPlan(ctx: JobContext, pointer: PlanPointer): Promise<IdlePlan> {
  return (await getJson(ctx, pointer.bucket, pointer.planKey)) as IdlePlan;
}

/** The scan Lambda's answer: inline when small, else written beside the plan. */
export async function storeOutcome(ctx: JobContext, outcome: ScanOutcome, runId: string, date: string): Promise<StoredOutcome> {
  if (!outcome.ok || JSON.stringify(outcome).length <= MAX_INLINE_BYTES) return outcome;
  const bucket = runBucket(ctx);
  const key = `${RUNS_PREFIX}${date}/${safe(runId)}/scans/${pairKey(outcome.scope)}.json`;
  await putJson(ctx, bucket, key, outcome);
  return { scope: outcome.scope, ok: true, stored: { bucket, key } };
}

export async function resolveOutcome(ctx: JobContext, o: StoredOutcome): Promise<ScanOutcome> {
  return 'stored' in o ? ((await getJson(ctx, o.stored.bucket, o.stored.key)) as ScanOutcome) : o;
}

const manifestSchema = z.looseObject({
  ResultFiles: z.looseObject({
    SUCCEEDED: z._default(z.array(z.looseObject({ Key: z.string() })), []),
    FAILED: z._default(z.array(z.looseObject({ Key: z.string() })), []),
  }),
});
const childSchema = z.array(
  z.looseObject({
    Input: z.optional(z.string()),
    Output: z.optional(z.string()),
    Error: z.optional(z.string()),
    Cause: z.optional(z.string()),
  }),
);

/**
 * Every child's outcome from the Distributed Map's ResultWriter files: a
 * child that failed (a timeout, a crash) becomes a failed outcome for its
 * scope, so the reduce step reports it in regionErrors like any other pair.
 */
export async function loadMapOutcomes(ctx: JobContext, manifest: { Bucket: string; Key: string }): Promise<StoredOutcome[]> {
  const m = manifestSchema.parse(await getJson(ctx, manifest.Bucket, manifest.Key));
  const read = async (key: string) => childSchema.parse(await getJson(ctx, manifest.Bucket, key));
  const out: StoredOutcome[] = [];
  for (const f of m.ResultFiles.SUCCEEDED)
    for (const child of await read(f.Key)) out.push(JSON.parse(child.Output ?? 'null') as StoredOutcome);
  for (const f of m.ResultFiles.FAILED)
    for (const child of await read(f.Key)) {
      const input = JSON.parse(child.Input ?? '{}') as { scope?: Scope };
      if (input.scope)
        out.push({
          scope: input.scope,
          ok: false,
          message: `scan failed in Step Functions: ${child.Error ?? 'error'}: ${child.Cause ?? ''}`.trim(),
        });
    }
  return out;
}

/** Plan items the map returned nothing for (an aborted child) are reported, never silently dropped. */
export function withMissing(plan: IdlePlan, outcomes: readonly ScanOutcome[]): ScanOutcome[] {
  const seen = new Set(outcomes.map((o) => pairKey(o.scope)));
  const missing = plan.items.filter((s) => !seen.has(pairKey(s)));
  return [
    ...outcomes,
    ...missing.map((scope): ScanOutcome => ({ scope, ok: false, message: 'no result from the Distributed Map for this pair' })),
  ];
}
