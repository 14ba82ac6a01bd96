import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SES_MAX_MESSAGE_BYTES } from '../../shared/notify/ses.js';
import { buildFinanceEmail, composeMime, EMAIL_MAX_BYTES, type EmailAttachment } from '../../shared/report/email/index.js';
import { buildReportModel } from '../../shared/report/model.js';
import { parseMime } from '../support/mime.js';
import { reportData } from '../support/report-data.js';

const S3 = 's3://cost-watch-reports/reports/2026-03/';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The organization CSV of `accounts` accounts × 60 services, amounts varied as a real bill's are. */
function orgCsv(accounts: number): string {
  const rows = ['month,account,account_name,service,amount,previous,change,change_pct,currency'];
  for (let a = 0; a < accounts; a += 1) {
    const id = String(100000000000 + a * 7919);
    for (let s = 0; s < 60; s += 1) {
      const amount = ((a * 31 + s * 17) % 9973) * 1.37;
      const previous = ((a * 13 + s * 29) % 9967) * 1.21;
      rows.push(
        `2026-03,${id},Team ${a} production,AWS Service number ${s},${amount.toFixed(2)},${previous.toFixed(2)},${(amount - previous).toFixed(2)},,USD`,
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

const files = (csv: string, xlsxBytes: number): EmailAttachment[] => [
  {
    filename: 'cost-report.html',
    contentType: 'text/html; charset=utf-8',
    content: `<!doctype html>${'<tr><td>Team production</td><td>$1.00</td></tr>'.repeat(40000)}`,
    s3: `${S3}cost-report.html`,
  },
  { filename: 'cost-report.csv', contentType: 'text/csv; charset=utf-8', content: csv, s3: `${S3}cost-report.csv` },
  // An xlsx is a zip already: random bytes compress no better than it does.
  { filename: 'cost-report.xlsx', contentType: XLSX, content: new Uint8Array(randomBytes(xlsxBytes)), s3: `${S3}cost-report.xlsx` },
];

const build = (attachments: EmailAttachment[]) =>
  buildFinanceEmail({
    model: buildReportModel(reportData({ current: new Map([['Amazon EC2', 1000]]) })),
    categories: [],
    attachments,
    location: S3,
    from: 'costs@example.com',
    to: ['finance@example.com'],
    date: new Date('2026-04-03T09:00:00Z'),
  });

describe('finance email of a large organization', () => {
  it('gzips the CSV and HTML of a thousand accounts so the whole MIME message stays under the limit', async () => {
    const csv = orgCsv(1000);
    const attachments = files(csv, 2 * 1024 * 1024);
    const asIs = await composeMime({
      from: 'a@example.com',
      to: ['b@example.com'],
      subject: 's',
      date: new Date(),
      text: '',
      html: '',
      attachments,
    });
    expect(asIs.byteLength).toBeGreaterThan(SES_MAX_MESSAGE_BYTES);
    const email = await build(attachments);

    expect(email.raw.byteLength).toBeLessThanOrEqual(EMAIL_MAX_BYTES);
    expect(EMAIL_MAX_BYTES).toBeLessThan(SES_MAX_MESSAGE_BYTES);
    expect(email.attachments).toEqual(['cost-report.html.gz', 'cost-report.csv.gz', 'cost-report.xlsx']);
    expect(email.leftOut).toEqual([]);
    const mime = parseMime(email.raw);
    const gz = mime.parts.find((p) => p.filename === 'cost-report.csv.gz')!;
    expect(gz.contentType).toBe('application/gzip');
    expect(gunzipSync(Buffer.from(gz.content, 'base64')).toString()).toBe(csv);
    expect(mime.parts[0]?.content).toContain('Compressed with gzip to keep this email under SES');
  });

  it('leaves out a file that does not fit even compressed, naming its S3 bucket and key in both parts', async () => {
    const email = await build(files(orgCsv(200), 8 * 1024 * 1024));

    expect(email.raw.byteLength).toBeLessThanOrEqual(EMAIL_MAX_BYTES);
    expect(email.attachments).toEqual(['cost-report.html.gz', 'cost-report.csv.gz']);
    expect(email.leftOut).toEqual([{ filename: 'cost-report.xlsx', s3: `${S3}cost-report.xlsx` }]);
    const [text, html] = parseMime(email.raw).parts;
    const line =
      'cost-report.xlsx is too large to attach (SES limits an email to 10 MB): it is in S3 bucket cost-watch-reports, key reports/2026-03/cost-report.xlsx';
    expect(text?.content).toContain(line);
    expect(html?.content).toContain(line);
  });

  it('attaches the files as they are when the email fits', async () => {
    const email = await build(files(orgCsv(10), 1024));

    expect(email.attachments).toEqual(['cost-report.html', 'cost-report.csv', 'cost-report.xlsx']);
    expect(parseMime(email.raw).parts[0]?.content).not.toContain('gzip');
  });
});
