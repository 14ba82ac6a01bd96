import type { FinanceEmailContent } from './types.js';

/**
 * What the reader of a large organization's email needs to know about its
 * files: which are compressed (gzip: double-click opens them on macOS and
 * Windows 11, 7-Zip elsewhere) and which were left out and where they are.
 * Plain text; the HTML part escapes it.
 */
export function sizeNotes(c: FinanceEmailContent): string[] {
  const gz = c.attachments.filter((a) => a.filename.endsWith('.gz')).map((a) => a.filename);
  const notes: string[] = [];
  if (gz.length) notes.push(`Compressed with gzip to keep this email under SES's 10 MB limit: ${gz.join(', ')}.`);
  for (const f of c.leftOut ?? [])
    notes.push(
      `${f.filename} is too large to attach (SES limits an email to 10 MB): it is in S3 bucket ${bucketOf(f.s3)}, ` +
        `key ${keyOf(f.s3)} (${f.s3}).`,
    );
  return notes;
}

const bucketOf = (s3: string) => s3.replace(/^s3:\/\//, '').split('/')[0] ?? '';
const keyOf = (s3: string) => s3.replace(/^s3:\/\/[^/]*\//, '');
