import { reportSubject } from '../summary.js';
import { renderEmailHtml } from './html.js';
import { fitEmail } from './fit.js';
import { composeMime } from './mime.js';
import { renderEmailText } from './text.js';
import type { FinanceEmailContent, LeftOutFile } from './types.js';

export { renderEmailHtml } from './html.js';
export { renderEmailText } from './text.js';
export { composeMime } from './mime.js';
export { EMAIL_MAX_BYTES } from './fit.js';
export { EMAIL_TOP_SERVICES, type CategoryRow, type EmailAttachment, type FinanceEmailContent, type LeftOutFile } from './types.js';

/** The composed finance email; the summary goes into the job result. */
export interface FinanceEmail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly attachments: readonly string[];
  /** Report files left out to stay under SES's size limit, each with its S3 location. */
  readonly leftOut: readonly LeftOutFile[];
  readonly raw: Buffer;
}

export interface FinanceEmailOptions extends FinanceEmailContent {
  readonly from: string;
  readonly to: readonly string[];
  readonly date: Date;
}

/** Composed within SES's size limit: see fitEmail for what gives way when the report is large. */
export async function buildFinanceEmail(o: FinanceEmailOptions): Promise<FinanceEmail> {
  const subject = reportSubject(o.model);
  const fitted = await fitEmail(o.attachments, (attachments, leftOut) => {
    const content = { ...o, attachments, leftOut };
    const [text, html] = [renderEmailText(content), renderEmailHtml(content)];
    return composeMime({ from: o.from, to: o.to, subject, date: o.date, text, html, attachments });
  });
  const attachments = fitted.attachments.map((a) => a.filename);
  return { from: o.from, to: o.to, subject, attachments, leftOut: fitted.leftOut, raw: fitted.raw };
}
