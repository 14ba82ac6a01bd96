import { reportSubject } from '../../messages/monthly-report.js';
import { renderEmailHtml } from './html.js';
import { composeMime } from './mime.js';
import { renderEmailText } from './text.js';
import type { FinanceEmailContent } from './types.js';

export { renderEmailHtml } from './html.js';
export { renderEmailText } from './text.js';
export { composeMime } from './mime.js';
export { EMAIL_TOP_SERVICES, type CategoryRow, type EmailAttachment, type FinanceEmailContent } from './types.js';

/** The composed finance email; the summary goes into the job result. */
export interface FinanceEmail {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly attachments: readonly string[];
  readonly raw: Buffer;
}

export interface FinanceEmailOptions extends FinanceEmailContent {
  readonly from: string;
  readonly to: readonly string[];
  readonly date: Date;
}

export async function buildFinanceEmail(o: FinanceEmailOptions): Promise<FinanceEmail> {
  const subject = reportSubject(o.model);
  const raw = await composeMime({ from: o.from, to: o.to, subject, date: o.date, text: renderEmailText(o), html: renderEmailHtml(o), attachments: o.attachments });
  return { from: o.from, to: o.to, subject, attachments: o.attachments.map((a) => a.filename), raw };
}
