import MailComposer from 'nodemailer/lib/mail-composer';
import type { EmailAttachment } from './types.js';

export interface MimeMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly EmailAttachment[];
  /** The Date header; the job's clock so a message is reproducible. */
  readonly date: Date;
}

/**
 * multipart/mixed { multipart/alternative { text, html }, attachments… },
 * composed by nodemailer's MailComposer: header encoding (RFC 2047 subjects),
 * line lengths and base64 or quoted-printable bodies are its job, not ours.
 */
export function composeMime(m: MimeMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: m.from,
    to: [...m.to],
    subject: m.subject,
    date: m.date,
    text: m.text,
    html: m.html,
    textEncoding: 'quoted-printable',
    attachments: m.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: typeof a.content === 'string' ? a.content : Buffer.from(a.content),
      contentDisposition: 'attachment' as const,
    })),
  });
  return composer.compile().build();
}
