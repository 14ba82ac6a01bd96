import { channelDeps, type JobContext } from '../common/context.js';
import { monthlyReportSnsMessage, type ReportAlert } from '../../messages/monthly-report.js';
import { present, snsChannel } from '../../notify/channels.js';
import { sesChannel } from '../../notify/ses.js';
import type { Channel } from '../../notify/types.js';
import { buildFinanceEmail, type EmailAttachment } from '../../report/email/index.js';
import { reportLink } from '../../report/link.js';
import type { ReportModel } from '../../report/model.js';
import type { ReportFile } from '../../report/storage.js';
import { defaultRegion } from '../../aws/clients/config.js';

/** The report objects the email carries, in this order; the JSON stays in S3 for machines. */
export const EMAILED_FILES = ['cost-report.html', 'cost-report.csv', 'cost-report.xlsx'] as const;

/** The email as the job result reports it (the MIME itself is not printed). */
export interface EmailSummary {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly attachments: readonly string[];
  /** Report files too large to attach, with where they are in S3 (`s3://bucket/key`). */
  readonly leftOut: readonly { readonly filename: string; readonly s3: string }[];
  /** Size of the raw MIME message SES is given. */
  readonly bytes: number;
}

export interface ReportDeliveryInput {
  readonly model: ReportModel;
  /** Every report object of the month, with its body, as written (or to be written) to S3. */
  readonly files: readonly ReportFile[];
  /** `s3://bucket/prefix/month/` */
  readonly location: string;
}

export interface ReportDelivery {
  readonly channels: Channel<ReportAlert>[];
  /** When the SNS email's pre-signed link stops working; null when it carries none. */
  readonly linkExpiresAt: string | null;
  readonly email: EmailSummary | null;
}

const fileName = (key: string) => key.slice(key.lastIndexOf('/') + 1);

function attachmentsOf(files: readonly ReportFile[]): EmailAttachment[] {
  const byName = new Map(files.map((f) => [fileName(f.key), f]));
  return EMAILED_FILES.flatMap((name) => {
    const f = byName.get(name);
    if (!f) return [];
    return [{ filename: name, contentType: f.contentType, content: f.body, ...(f.bucket ? { s3: `s3://${f.bucket}/${f.key}` } : {}) }];
  });
}

/**
 * How the month's report reaches finance: with `report.email`, one SES email
 * holding the report (no pre-signed link: the files are attached); without
 * it, the SNS email of part 1, whose link is given only with its true expiry.
 */
export async function planReportDelivery(ctx: JobContext, input: ReportDeliveryInput): Promise<ReportDelivery> {
  const email = ctx.config.report.email;
  if (email) {
    const built = await buildFinanceEmail({
      model: input.model,
      categories: input.model.review?.byCategory ?? [],
      attachments: attachmentsOf(input.files),
      location: input.location,
      from: email.from,
      to: email.to,
      date: ctx.now,
    });
    return {
      channels: [
        sesChannel<ReportAlert>(
          (region) => ctx.aws.ses(region),
          { ...email, region: email.region ?? defaultRegion(ctx.env) },
          () => built.raw,
        ),
      ],
      linkExpiresAt: null,
      email: {
        from: built.from,
        to: built.to,
        subject: built.subject,
        attachments: built.attachments,
        leftOut: built.leftOut,
        bytes: built.raw.byteLength,
      },
    };
  }
  const topic = ctx.config.notify.reportTopicArn;
  if (!topic)
    ctx.log.warn('monthly-report: no notify.reportTopicArn (or report.email) in config: the report is written but nobody is emailed');
  const html = input.files.find((f) => fileName(f.key) === 'cost-report.html');
  const link = html && html.bucket ? await reportLink(ctx.aws.s3(), html, ctx.now) : null;
  const message = { model: input.model, link, location: input.location };
  return {
    channels: present([snsChannel<ReportAlert>(channelDeps(ctx), topic, () => monthlyReportSnsMessage(message))]),
    linkExpiresAt: link?.expiresAt ?? null,
    email: null,
  };
}
