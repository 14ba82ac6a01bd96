import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { errorMessage, explainAwsError } from '../aws/errors.js';
import { AwsAccessError } from '../errors.js';
import type { IsoDate, IsoMonth } from '../time/dates.js';
import { FINDINGS_PREFIX, parseFindings, pickFindingsKey, pickFindingsKeyBefore, type WasteSummary } from './findings.js';

/** The S3 side of the report: read the idle findings, write the files (the link is signed in link.ts). */

export interface ReportObject {
  readonly bucket: string;
  readonly key: string;
  readonly contentType: string;
}

export interface ReportFile extends ReportObject {
  readonly body: string | Uint8Array;
  readonly contentDisposition?: string;
}

/** Names the call and the object in the message: "The specified bucket does not exist" alone does not say which. */
function s3Error(err: unknown, operation: string, permission: string): Error {
  const explained = explainAwsError(err, operation, permission);
  return explained instanceof AwsAccessError ? explained : new Error(`${operation} failed: ${errorMessage(err)}`, { cause: err });
}

export const reportKey = (prefix: string, month: IsoMonth, file: string) => `${prefix}${month}/${file}`;

/** Every key under the findings prefix: one object a day is a few pages over years. */
export async function listFindingKeys(s3: S3Client, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3
      .send(new ListObjectsV2Command({ Bucket: bucket, Prefix: FINDINGS_PREFIX, ContinuationToken: token }))
      .catch((err: unknown) => {
        throw s3Error(err, `S3 ListObjectsV2 s3://${bucket}/${FINDINGS_PREFIX}`, 's3:ListBucket');
      });
    for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** The newest idle-resources findings dated in or before the month, or undefined when there are none. */
export async function readLatestFindings(s3: S3Client, bucket: string, month: IsoMonth): Promise<WasteSummary | undefined> {
  const picked = pickFindingsKey(await listFindingKeys(s3, bucket), month);
  return picked && readFindings(s3, bucket, picked);
}

/** The previous run's findings: the newest object dated before `date`; undefined on the first run. */
export async function readFindingsBefore(s3: S3Client, bucket: string, date: IsoDate): Promise<WasteSummary | undefined> {
  const picked = pickFindingsKeyBefore(await listFindingKeys(s3, bucket), date);
  return picked && readFindings(s3, bucket, picked);
}

/** One findings object, read and checked; the error names the object. */
export async function readFindings(s3: S3Client, bucket: string, picked: { key: string; date: IsoDate }): Promise<WasteSummary> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: picked.key })).catch((err: unknown) => {
    throw s3Error(err, `S3 GetObject s3://${bucket}/${picked.key}`, 's3:GetObject');
  });
  const text = (await out.Body?.transformToString('utf-8')) ?? '';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`s3://${bucket}/${picked.key}: expected JSON (an idle-resources result)`);
  }
  return parseFindings(body, picked.key, picked.date);
}

/**
 * Writes the files one after another, encrypted at rest (SSE-S3). Re-running a
 * month overwrites the same keys. The first failure stops the run before any
 * email goes out, so finance is never sent a link to a file that is not there.
 */
export async function writeReportFiles(s3: S3Client, files: readonly ReportFile[]): Promise<void> {
  for (const f of files) {
    await s3
      .send(
        new PutObjectCommand({
          Bucket: f.bucket,
          Key: f.key,
          Body: f.body,
          ContentType: f.contentType,
          ContentDisposition: f.contentDisposition,
          ServerSideEncryption: 'AES256',
        }),
      )
      .catch((err: unknown) => {
        throw s3Error(err, `S3 PutObject s3://${f.bucket}/${f.key}`, 's3:PutObject');
      });
  }
}
