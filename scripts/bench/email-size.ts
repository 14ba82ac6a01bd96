/**
 * The finance email's part of `npm run bench:report`: the size of the MIME
 * message SES would be given for a report (body parts plus the HTML, CSV and
 * xlsx attached, base64 or quoted-printable as nodemailer encodes them), and
 * how long composing it takes. SES refuses messages over 10 MB.
 */
import { performance } from 'node:perf_hooks';
import { SES_MAX_MESSAGE_BYTES } from '../../shared/notify/ses.js';
import { renderCsv } from '../../shared/report/csv.js';
import { buildFinanceEmail, renderEmailHtml, renderEmailText, type EmailAttachment } from '../../shared/report/email/index.js';
import { renderHtml } from '../../shared/report/html.js';
import type { ReportModel } from '../../shared/report/model.js';
import { renderXlsx, XLSX_CONTENT_TYPE } from '../../shared/report/xlsx/index.js';

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export async function emailSizeLines(model: ReportModel, runs = 10): Promise<string[]> {
  const xlsx = await renderXlsx(model, {
    accounts: [
      { account: '123456789012', name: null, amount: model.total.amount, previous: model.total.previous, changePct: model.total.changePct },
    ],
  });
  const attachments: EmailAttachment[] = [
    { filename: 'cost-report.html', contentType: 'text/html; charset=utf-8', content: renderHtml(model) },
    { filename: 'cost-report.csv', contentType: 'text/csv; charset=utf-8', content: renderCsv(model) },
    { filename: 'cost-report.xlsx', contentType: XLSX_CONTENT_TYPE, content: xlsx },
  ];
  const content = { model, categories: model.review?.byCategory ?? [], attachments, location: 's3://cost-watch-reports/reports/2026-03/' };
  const options = { ...content, from: 'costs@example.com', to: ['finance@example.com'], date: new Date('2026-04-03T09:00:00Z') };
  let email = await buildFinanceEmail(options); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    email = await buildFinanceEmail(options);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const attached = attachments.reduce((n, a) => n + Buffer.byteLength(a.content), 0);
  return [
    `finance email (SES raw MIME, HTML + text body, html/csv/xlsx attached), ${runs} runs:`,
    `  compose median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms`,
    `  message ${kib(email.raw.byteLength)} (${((email.raw.byteLength / SES_MAX_MESSAGE_BYTES) * 100).toFixed(1)}% ` +
      `of SES's 10 MB limit): HTML body ${kib(Buffer.byteLength(renderEmailHtml(content)))}, ` +
      `text body ${kib(Buffer.byteLength(renderEmailText(content)))}, attachments ${kib(attached)} before encoding`,
  ];
}
