import type { S3Client } from '@aws-sdk/client-s3';
import { roundCents } from '../money.js';
import { addMonths, monthOf, type IsoMonth } from '../time/dates.js';
import { datedFindingsKeys, type WasteSummary } from './findings.js';
import { listFindingKeys, readFindings } from './storage.js';

/** The month's weekly-digest figures, from the idle-resources findings files (no Cost Explorer request). */
export interface OwnershipMonth {
  /** $/month of the findings resolved during the month: each finding once, whichever run saw it go. */
  readonly realizedSavings: number;
  /** How many findings were resolved during the month. */
  readonly resolvedFindings: number;
  /** The untagged share of the newest run of the month that knew it; null when none did. */
  readonly untaggedSharePct: number | null;
  /** The same for the month before: the trend. */
  readonly untaggedSharePctPrevious: number | null;
}

const latestShare = (files: readonly WasteSummary[]) =>
  [...files].reverse().find((f) => typeof f.untaggedSharePct === 'number')?.untaggedSharePct ?? null;

/** `files`: the runs of the month and of the month before, oldest first. */
export function ownershipOfMonth(files: readonly WasteSummary[], month: IsoMonth): OwnershipMonth {
  const mine = files.filter((f) => monthOf(f.asOf) === month);
  const resolved = new Map<string, number>();
  for (const f of mine)
    for (const r of f.resolved ?? []) {
      const key = `${r.rule}|${r.account ?? ''}|${r.region}|${r.id}`;
      if (!resolved.has(key)) resolved.set(key, r.estimatedMonthlyCost ?? 0);
    }
  return {
    realizedSavings: roundCents([...resolved.values()].reduce((a, b) => a + b, 0)),
    resolvedFindings: resolved.size,
    untaggedSharePct: latestShare(mine),
    untaggedSharePctPrevious: latestShare(files.filter((f) => monthOf(f.asOf) === addMonths(month, -1))),
  };
}

/** Reads the month's findings files and the newest of the month before (one listing, one GetObject each). */
export async function readOwnershipMonth(s3: S3Client, bucket: string, month: IsoMonth): Promise<OwnershipMonth> {
  const dated = datedFindingsKeys(await listFindingKeys(s3, bucket));
  const before = dated.filter((d) => monthOf(d.date) === addMonths(month, -1)).slice(-1);
  const picked = [...before, ...dated.filter((d) => monthOf(d.date) === month)];
  return ownershipOfMonth(await Promise.all(picked.map((p) => readFindings(s3, bucket, p))), month);
}
