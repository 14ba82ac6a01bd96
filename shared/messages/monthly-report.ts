import { SNS_BODY_MAX_BYTES } from '../notify/limits.js';
import { clipBytes } from '../text/clip.js';
import type { SnsMessage } from '../notify/sns.js';
import type { Alert } from '../alerts/alert.js';
import { s3ConsoleUrl } from '../report/console.js';
import type { ReportModel } from '../report/model.js';
import type { ReportLink } from '../report/link.js';
import { reportSubject, reportSummaryLines } from '../report/summary.js';

/** The one email of a month's report; its id makes re-runs send it once. */
export interface ReportAlert extends Alert {
  readonly month: string;
}

export interface ReportMessageContext {
  readonly model: ReportModel;
  /**
   * Pre-signed GET link to the HTML report and the moment it truly stops
   * working; null when no such moment is known (see report/link.ts) or
   * nothing was written.
   */
  readonly link: ReportLink | null;
  /** Where the three files are, e.g. `s3://bucket/reports/2026-03/`. */
  readonly location: string;
}

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Plain text: finance reads it in any mail client; names need no escaping here.
 * A pre-signed URL dies with the credentials that signed it, so the link is
 * given only with the moment it truly expires; the console folder never does.
 */
export function monthlyReportSnsMessage(ctx: ReportMessageContext): SnsMessage {
  const lines = reportSummaryLines(ctx.model);
  lines.push('');
  if (ctx.link) lines.push(`Full report with charts (this link works until ${utc(ctx.link.expiresAt)}):`, ctx.link.url, '');
  lines.push(
    `The report (HTML with charts), its workbook (xlsx), CSV (one row per service) and JSON are in S3: ${ctx.location}`,
    `Open the folder in the S3 console (AWS sign-in required; this link does not expire): ${s3ConsoleUrl(ctx.location)}`,
  );
  return {
    subject: reportSubject(ctx.model),
    body: clipBytes(lines.join('\n'), SNS_BODY_MAX_BYTES),
    attributes: { job: 'monthly-report', severity: 'info' },
  };
}
