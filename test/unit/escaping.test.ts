import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { driversText } from '../../shared/messages/daily-context.js';
import { idleSlackMessage, idleSnsMessage, type IdleAlert, type IdleMessageContext } from '../../shared/messages/idle-resources.js';
import { escapeMrkdwn, escapePlain, oneLine } from '../../shared/notify/escape.js';
import { renderCsv } from '../../shared/report/csv.js';
import { renderEmailHtml, renderEmailText } from '../../shared/report/email/index.js';
import { escapeHtml } from '../../shared/report/escape.js';
import { renderHtml } from '../../shared/report/html.js';
import { buildReportModel } from '../../shared/report/model.js';
import { renderXlsx } from '../../shared/report/xlsx/index.js';
import { stripBidi } from '../../shared/text/bidi.js';
import type { Finding } from '../../shared/waste/types.js';
import { reportData } from '../support/report-data.js';

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const hasBidi = (text: string) => BIDI.some((c) => text.includes(c));
/** A name from AWS with markup, an entity start, a mrkdwn mark, a mention and a right-to-left override. */
const hostile = (what: string) => `${what} <!channel> & *bold* \u202eved\u2066x\u2069`;

describe('bidi controls', () => {
  it('are removed, every one of them, and nothing else', () => {
    expect(stripBidi(`a${BIDI.join('')}b \u200f c`)).toBe('ab \u200f c');
  });

  it('are gone from every escaper: mrkdwn, Slack text, SNS lines and HTML', () => {
    for (const out of [escapeMrkdwn(hostile('x')), escapePlain(hostile('x')), oneLine(hostile('x')), escapeHtml(hostile('x'))]) {
      expect(hasBidi(out)).toBe(false);
      expect(out).toContain('vedx');
    }
  });
});

describe('text from AWS in Slack mrkdwn', () => {
  const finding: Finding = {
    rule: 'idle-instance',
    account: null,
    region: 'us-east-1',
    id: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/<!channel>/1',
    name: hostile('resource'),
    resourceType: 'ec2-instance',
    detail: 'm5.large',
    estimatedMonthlyCost: 70,
    action: 'Stop it',
    facts: {},
  };
  const alert: IdleAlert = {
    finding,
    alertId: 'a',
    severity: 'warning',
    subject: { job: 'idle-resources', scope: 'idle-instance', key: finding.id, account: null },
  };
  const ctx = {
    date: '2026-11-18',
    weekStart: '2026-11-16',
    regions: ['us-east-1'],
    regionErrors: [],
    ruleErrors: [],
    totalFindings: 1,
    estimatedMonthlySavings: 70,
    noData: 0,
    unpriced: [],
    lookbackDays: 14,
    cpuThresholdPct: 5,
    priceTableDate: '2025-06',
  } as unknown as IdleMessageContext;

  it('escapes a resource name and an ARN in the code span, and drops bidi controls', () => {
    const msg = idleSlackMessage([alert], ctx);
    for (const out of [JSON.stringify(msg.blocks), msg.text]) {
      expect(out).not.toContain('<!channel>');
      expect(out).toContain('&lt;!channel&gt; &amp;');
      expect(hasBidi(out)).toBe(false);
    }
    expect(hasBidi(idleSnsMessage([alert], ctx).body)).toBe(false);
  });

  it('escapes a usage type', () => {
    const text = driversText([{ usageType: hostile('USE1-BoxUsage'), amount: 20, previous: 10, delta: 10 }], 'USD', escapeMrkdwn)!;
    expect(text).toContain('USE1-BoxUsage &lt;!channel&gt; &amp; \u200b*\u200bbold\u200b*\u200b vedx');
    expect(hasBidi(text)).toBe(false);
  });
});

describe('text from AWS in the report files and the email', () => {
  const account = { account: '111111111111', name: hostile('=cmd|Data'), key: 'k', amount: 10, previous: 5, change: 5, changePct: 100 };
  const model = buildReportModel(
    reportData({
      current: new Map([[hostile('Service'), 10]]),
      previous: new Map(),
      tags: [{ key: 'team', current: new Map([[`team$${hostile('@core')}`, 10]]), previous: new Map() }],
      budgets: [{ name: hostile('Budget'), limit: 100, actual: 10, actualPct: 10, accountWide: true }],
      accounts: { lines: [{ ...account, key: `${account.name} (111111111111)` }], services: [{ ...account, key: hostile('Service') }] },
    }),
  );

  it('escapes names in the HTML report and the email HTML, without bidi controls', () => {
    const content = {
      model,
      categories: [{ category: hostile('Cat'), amount: 10, previous: 5, changePct: 100, budget: null, budgetPct: null }],
      attachments: [],
      location: 's3://b/k/',
    };
    for (const html of [renderHtml(model), renderEmailHtml(content)]) {
      expect(html).not.toContain('<!channel>');
      expect(html).toContain('&lt;!channel&gt; &amp; *bold* vedx');
      expect(hasBidi(html)).toBe(false);
    }
    expect(hasBidi(renderEmailText(content))).toBe(false);
  });

  it('keeps account names and services in the CSV as text, without bidi controls', () => {
    const csv = renderCsv(model);
    expect(csv).toContain(`,'=cmd|Data <!channel> & *bold* vedx,`);
    expect(hasBidi(csv)).toBe(false);
  });

  it('keeps tag values and account names in the xlsx as plain text, without bidi controls or formulas', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await renderXlsx(model, {
        accounts: [{ account: '111111111111', name: account.name, amount: 10, previous: 5, changePct: 100 }],
      })) as unknown as ArrayBuffer,
    );
    const cells: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c.value))));
    const texts = cells.filter((v): v is string => typeof v === 'string');

    expect(texts).toContain("'=cmd|Data <!channel> & *bold* vedx");
    expect(texts).toContain("'@core <!channel> & *bold* vedx");
    expect(texts.some(hasBidi)).toBe(false);
    expect(cells.every((v) => typeof v !== 'object' || v === null || v instanceof Date)).toBe(true);
  });
});
