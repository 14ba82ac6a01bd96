import { describe, expect, it } from 'vitest';
import type { CostBucket } from '../../shared/aws/cost-explorer.js';
import { evaluateOrganization, orgDays } from '../../shared/detect/org-spend.js';
import { dailyMessageFor } from '../../shared/jobs/daily-spend/destination.js';
import { dailySlackMessage, dailySnsMessage, type DailyMessageContext, type SpikeAlert } from '../../shared/messages/daily-spend.js';
import { dayRange } from '../../shared/time/dates.js';

const DATA = '111111111111';
const WEB = '222222222222';
const DAY = '2026-11-20';
const EC2 = 'Amazon EC2';
const rules = { warningPct: 20, criticalPct: 50, minDelta: 10, baseline: 'previous-day' as const, recheckDays: 0 };
const names: Record<string, string> = { [DATA]: 'Data', [WEB]: 'Web' };
const nameOf = (id: string) => names[id] ?? id;

/** Data spends $100 a day and $300 on DAY; Web $1,000 a day, every day of November up to DAY. */
const buckets: CostBucket[] = dayRange('2026-11-01', DAY).map((d) => ({
  start: d,
  estimated: false,
  groups: new Map([
    [`${DATA}|${EC2}`, d === DAY ? 300 : 100],
    [`${WEB}|${EC2}`, 1000],
  ]),
}));
const evaluation = evaluateOrganization(orgDays(buckets), DAY, rules, nameOf);
const base: DailyMessageContext = { evaluation, currency: 'USD', forecast: 99_999 };
const figures = { buckets, date: DAY, rules, metric: 'UnblendedCost', nameOf };
const team = { destination: '#team-data', routed: true, accounts: [DATA], takes: (a: string | null) => a === DATA };

const spike = (s: (typeof evaluation.spikes)[number]): SpikeAlert => ({
  ...s,
  alertId: `${s.scope}|${s.key}|${s.account}`,
  subject: { job: 'daily-spend', scope: s.scope, key: s.key, account: s.account },
  consoleUrl: `https://console.example/${s.scope}/${s.key}`,
});
const dataAlerts = evaluation.spikes.filter((s) => s.account === DATA).map(spike);

describe('daily-spend message per destination', () => {
  it("shows a team only its accounts' total, month to date and forecast on the total line", () => {
    const msg = dailyMessageFor(base, team, figures);
    const slack = dailySlackMessage(dataAlerts, msg);
    const sns = dailySnsMessage(dataAlerts, msg);

    // Data: $300 on the day vs $100; 19 × $100 + $300 to date; forecast: that plus the 7-day rate ($900 / 7) × the 10 days left.
    const line = new RegExp(
      `Total of Data ${DAY}: \\$300\\.00 \\(\\+200[^)]* vs \\$100\\.00\\) · month to date \\$2,200\\.00 · forecast \\$3,485\\.71`,
    );
    expect(slack.text).toMatch(line);
    expect(sns.body).toMatch(line);
    expect(JSON.stringify(slack.blocks)).toMatch(line);
    for (const text of [slack.text, sns.body, JSON.stringify(slack.blocks)]) {
      expect(text).not.toContain('$1,300.00');
      expect(text).not.toContain('$22,200.00');
      expect(text).not.toContain('$99,999.00');
    }
  });

  it("keeps the whole organization's figures for a default destination", () => {
    const msg = dailyMessageFor(base, { destination: '#cost-alerts', routed: false, accounts: null, takes: () => true }, figures);

    const text = dailySlackMessage(evaluation.spikes.map(spike), msg).text;

    expect(text).toMatch(
      new RegExp(`Total ${DAY}: \\$1,300\\.00 \\([^)]* vs \\$1,100\\.00\\) · month to date \\$22,200\\.00 · forecast \\$99,999\\.00`),
    );
  });

  it('names a few accounts on a team total line and counts many', () => {
    const many = { ...team, accounts: [DATA, WEB, '333333333333', '444444444444'] };

    expect(dailyMessageFor(base, { ...team, accounts: [DATA, WEB] }, figures).totalLabel).toBe('Total of Data, Web');
    expect(dailyMessageFor(base, many, figures).totalLabel).toBe('Total of 4 accounts');
  });

  it('carries one Cost Explorer link per SNS body, however many spikes it lists', () => {
    const msg = dailyMessageFor(base, team, figures);
    const body = dailySnsMessage(dataAlerts, msg).body;

    expect(dataAlerts.length).toBeGreaterThan(1);
    expect(body.match(/Cost Explorer: /g)).toHaveLength(1);
    expect(body.match(/https:\/\//g)).toHaveLength(1);
    expect(body).toContain(`Cost Explorer: ${msg.consoleUrl}`);
    expect(decodeURIComponent(msg.consoleUrl!)).toContain(DATA);
    expect(body.length).toBeLessThan(1000 + msg.consoleUrl!.length);
    expect(dailySnsMessage(dataAlerts.slice(0, 1), msg).body).toContain(`Cost Explorer: ${dataAlerts[0]!.consoleUrl}`);
  });
});
