import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/**
 * The S3 questions of reading a Data Exports export without Athena: which
 * export folders sit under a prefix, which Parquet objects a billing period
 * holds, and fetching one to a local file (DuckDB's npm package cannot read S3).
 */

export interface ExportObject {
  readonly key: string;
  readonly size: number;
}

/** The folder names directly under `prefix` (one per export). */
export async function listExportFolders(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', ContinuationToken: token }));
    for (const p of page.CommonPrefixes ?? []) if (p.Prefix) names.push(p.Prefix.slice(prefix.length).replace(/\/$/, ''));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return names;
}

/** Every `.parquet` object under `prefix`, with its size. */
export async function listParquetObjects(s3: S3Client, bucket: string, prefix: string): Promise<ExportObject[]> {
  const out: ExportObject[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of page.Contents ?? []) if (o.Key?.endsWith('.parquet')) out.push({ key: o.Key, size: o.Size ?? 0 });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

/** Streams one object to `file` (never held whole in memory: a month of a large organization is gigabytes). */
export async function downloadObject(s3: S3Client, bucket: string, key: string, file: string): Promise<void> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!out.Body) throw new Error(`s3://${bucket}/${key}: empty answer`);
  await mkdir(dirname(file), { recursive: true });
  await pipeline(out.Body as Readable, createWriteStream(file));
}
