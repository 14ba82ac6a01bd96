import { gzipSync } from 'node:zlib';
import type { EmailAttachment, LeftOutFile } from './types.js';

/**
 * SES refuses a raw message over 10 MB (10,485,760 bytes, headers and base64
 * included). The email aims at 9 MiB, leaving room for SES's own headers and
 * for what a relay may add, so a message measured here as fitting is accepted.
 */
export const EMAIL_MAX_BYTES = 9 * 1024 * 1024;

/** What was attached and what was left out, with the composed message. */
export interface FittedEmail {
  readonly raw: Buffer;
  readonly attachments: readonly EmailAttachment[];
  readonly leftOut: readonly LeftOutFile[];
}

export type ComposeWith = (attachments: readonly EmailAttachment[], leftOut: readonly LeftOutFile[]) => Promise<Buffer>;

const byteLength = (a: EmailAttachment) => (typeof a.content === 'string' ? Buffer.byteLength(a.content) : a.content.byteLength);

/**
 * Text files (the HTML and the CSV) shrink tenfold or more with gzip; the xlsx
 * is a zip already and stays as it is.
 */
function compressed(a: EmailAttachment): EmailAttachment {
  if (!/^text\//.test(a.contentType)) return a;
  const content = gzipSync(a.content, { level: 9 });
  return { filename: `${a.filename}.gz`, contentType: 'application/gzip', content, ...(a.s3 ? { s3: a.s3 } : {}) };
}

/**
 * The email as it is when it fits; else with its text files gzipped; else,
 * still too large, without its largest files, one at a time, each named with
 * its S3 bucket and key in the email. An attachment with no S3 object is never
 * left out (the reader could not find it).
 */
export async function fitEmail(files: readonly EmailAttachment[], compose: ComposeWith, max = EMAIL_MAX_BYTES): Promise<FittedEmail> {
  let attachments = [...files];
  let leftOut: LeftOutFile[] = [];
  let raw = await compose(attachments, leftOut);
  if (raw.byteLength <= max) return { raw, attachments, leftOut };
  attachments = attachments.map(compressed);
  raw = await compose(attachments, leftOut);
  while (raw.byteLength > max) {
    const candidates = attachments.filter((a) => a.s3);
    if (!candidates.length) break;
    const largest = candidates.reduce((big, a) => (byteLength(a) > byteLength(big) ? a : big));
    attachments = attachments.filter((a) => a !== largest);
    leftOut = [...leftOut, { filename: largest.filename.replace(/\.gz$/, ''), s3: largest.s3! }];
    raw = await compose(attachments, leftOut);
  }
  return { raw, attachments, leftOut };
}
