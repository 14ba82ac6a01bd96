/**
 * The finance email part of the demo: a config with `report.email`, the
 * sender verified in moto's SES, and a readable view of what SES was given
 * (subject, recipients, parts, attachments), saved as an .eml file that any
 * mail client opens.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SESClient, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { sentRawEmails } from '../../emulators/ses-outbox.js';

export const DEMO_SENDER = 'costs@example.com';

/** The demo config with the report emailed through SES instead of the report topic. */
export function withFinanceEmail(config: Record<string, unknown>): Record<string, unknown> {
  const report = config.report as Record<string, unknown>;
  return { ...config, report: { ...report, email: { from: DEMO_SENDER, to: ['finance@example.com', 'cfo@example.com'] } } };
}

export async function verifyDemoSender(env: Record<string, string>): Promise<void> {
  const ses = new SESClient({
    endpoint: env.AWS_ENDPOINT_URL,
    region: env.AWS_REGION,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
  });
  await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: DEMO_SENDER }));
}

/** Headers of the message and of each part, unfolded: enough to show the shape without a MIME parser. */
function describe(raw: string): string[] {
  const header = (block: string, name: string) =>
    new RegExp(`^${name}: ?(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(block)?.[1]?.replace(/\r?\n[ \t]+/g, ' ');
  const [head = ''] = raw.split(/\r?\n\r?\n/, 1);
  const parts = [...raw.matchAll(/^Content-Type:\s*([^;\s]+)/gim)].map((m) => m[1]);
  const files = [...raw.matchAll(/filename=("?)([^";\r\n]+)\1/gi)].map((m) => m[2]);
  return [
    `Subject: ${header(head, 'Subject')}`,
    `From:    ${header(head, 'From')}`,
    `To:      ${header(head, 'To')}`,
    `Parts:   ${parts.join(', ')}`,
    `Attached: ${[...new Set(files)].join(', ')}`,
    `Size:    ${Math.round(Buffer.byteLength(raw) / 1024)} KB`,
  ];
}

/** Prints the email SES received and saves it next to the report; returns the .eml path. */
export async function showFinanceEmail(env: Record<string, string>, outDir: string): Promise<string | undefined> {
  const [email] = (await sentRawEmails(env.AWS_ENDPOINT_URL!, DEMO_SENDER)).slice(-1);
  if (!email) {
    process.stdout.write('SES received no email.\n');
    return undefined;
  }
  process.stdout.write(`━━ SES email (as moto received it) ━━\n${describe(email.raw).join('\n')}\n`);
  const file = join(outDir, 'finance-email.eml');
  writeFileSync(file, email.raw);
  return file;
}
