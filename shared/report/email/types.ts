import type { CategoryRow } from '../../review/categories.js';
import type { ReportModel } from '../model.js';

export type { CategoryRow };

/** A report object attached to the email as it was written to S3. */
export interface EmailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: string | Uint8Array;
  /** Where the object is in S3 (`s3://bucket/key`): named in the email when it is left out. */
  readonly s3?: string;
}

/** A report file too large for the email: the email says where it is instead. */
export interface LeftOutFile {
  readonly filename: string;
  /** `s3://bucket/key` */
  readonly s3: string;
}

/** What the finance email tells: the report's model plus where its files are. */
export interface FinanceEmailContent {
  readonly model: ReportModel;
  readonly categories: readonly CategoryRow[];
  readonly attachments: readonly EmailAttachment[];
  /** Where the objects are, e.g. `s3://bucket/reports/2026-03/`. */
  readonly location: string;
  /** Files not attached to keep the email under SES's size limit. */
  readonly leftOut?: readonly LeftOutFile[];
}

/** The services the email lists; the attached HTML and CSV have them all. */
export const EMAIL_TOP_SERVICES = 10;
