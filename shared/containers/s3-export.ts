import { basename, join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { errorMessage, isAccessDenied } from '../aws/errors.js';
import { downloadObject, listExportFolders, listParquetObjects } from '../aws/export-objects.js';
import { mapLimit } from '../concurrency.js';
import { periodFolder } from './cur2-columns.js';
import { ContainersGapError } from './engine.js';

/** The export in S3, read with the job's credentials. */
export interface S3Export {
  readonly kind: 's3';
  readonly bucket: string;
  readonly prefix: string;
  readonly name?: string;
  readonly s3: S3Client;
}

const denied = (err: unknown, action: string, resource: string) =>
  new ContainersGapError(`denied: the report needs ${action} on ${resource}. AWS said: ${errorMessage(err)}`, action, { cause: err });

/** `export.name`, or the one export folder under the prefix. */
async function exportName(e: S3Export): Promise<string> {
  if (e.name) return e.name;
  const where = `s3://${e.bucket}/${e.prefix}`;
  let names: string[];
  try {
    names = await listExportFolders(e.s3, e.bucket, e.prefix);
  } catch (err) {
    if (isAccessDenied(err)) throw denied(err, 's3:ListBucket', `arn:aws:s3:::${e.bucket} (prefix ${e.prefix || '(root)'})`);
    throw new ContainersGapError(`cannot list ${where}: ${errorMessage(err)}`, 's3:ListBucket', { cause: err });
  }
  if (names.length === 1) return names[0]!;
  if (!names.length)
    throw new ContainersGapError(`no export folder under ${where} (set containers.export.prefix and name)`, 's3:ListBucket');
  throw new ContainersGapError(
    `${names.length} export folders under ${where} (${names.join(', ')}): set containers.export.name to one of them`,
    's3:ListBucket',
  );
}

/**
 * Fetches the Parquet objects of the given billing periods into `dir`, as
 * `data/BILLING_PERIOD=YYYY-MM/<file>`, a few at a time. Returns the local
 * folder and the export's S3 address for messages.
 */
export async function fetchPeriods(e: S3Export, months: readonly string[], dir: string): Promise<{ dir: string; where: string }> {
  const name = await exportName(e);
  const base = `${e.prefix}${name}/`;
  const where = `s3://${e.bucket}/${base}`;
  const objects = [];
  for (const m of months) {
    try {
      objects.push(...(await listParquetObjects(e.s3, e.bucket, `${base}${periodFolder(m)}`)).map((o) => ({ ...o, month: m })));
    } catch (err) {
      if (isAccessDenied(err)) throw denied(err, 's3:ListBucket', `arn:aws:s3:::${e.bucket} (prefix ${base})`);
      throw new ContainersGapError(`cannot list ${where}${periodFolder(m)}: ${errorMessage(err)}`, 's3:ListBucket', { cause: err });
    }
  }
  await mapLimit(objects, 4, async (o) => {
    try {
      await downloadObject(e.s3, e.bucket, o.key, join(dir, periodFolder(o.month), basename(o.key)));
    } catch (err) {
      if (isAccessDenied(err)) throw denied(err, 's3:GetObject', `arn:aws:s3:::${e.bucket}/${o.key}`);
      throw new ContainersGapError(`cannot read s3://${e.bucket}/${o.key}: ${errorMessage(err)}`, 's3:GetObject', { cause: err });
    }
  });
  return { dir, where };
}
