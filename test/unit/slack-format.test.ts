import { describe, expect, it } from 'vitest';
import type { SectionBlock } from '@slack/types';
import { evaluateDailySpend } from '../../shared/detect/daily-spend.js';
import { dailySlackMessage, dailySnsMessage } from '../../shared/messages/daily-spend.js';
import { capBlocks, RESERVED_FOR_ACTIONS, section, sparkline } from '../../shared/notify/blocks.js';
import { withAlertActions } from '../../shared/notify/actions.js';
import { escapeMrkdwn } from '../../shared/notify/escape.js';
import { snsSubject } from '../../shared/notify/sns.js';
import { dayRange } from '../../shared/time/dates.js';

describe('Slack formatting', () => {
  it('escapes entities and neutralises formatting marks in AWS names', () => {
    const escaped = escapeMrkdwn('<b>&*bold*_x_');
    expect(escaped).not.toMatch(/[<>]/);
    expect(escaped).toContain('&lt;b&gt;&amp;');
    expect(escaped).toContain('\u200b*\u200b');
  });

  it('draws a sparkline from low to high', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 5, 5])).toBe('▁▁▁');
  });

  it("keeps a message within 50 blocks, footer and the buttons' room included, and says what was left out", () => {
    const blocks = Array.from({ length: 60 }, (_, i) => section(`item ${i}`));
    const capped = capBlocks(blocks, (n) => `${n} more`, [section('footer')]);
    expect(capped).toHaveLength(50 - RESERVED_FOR_ACTIONS);
    expect(JSON.stringify(capped.at(-2))).toContain('14 more');
    expect(JSON.stringify(capped.at(-1))).toContain('footer');
  });

  it('caps a daily message with a hundred spikes at 50 blocks', () => {
    const data = dayRange('2026-11-01', '2026-11-20').map((d) => ({
      date: d,
      estimated: false,
      byService: new Map(Array.from({ length: 100 }, (_, i): [string, number] => [`svc ${i}`, d === '2026-11-20' ? 200 : 100])),
    }));
    const evaluation = evaluateDailySpend(data, '2026-11-20', {
      warningPct: 20,
      criticalPct: 50,
      minDelta: 10,
      baseline: 'previous-day',
      recheckDays: 0,
    });
    const alerts = evaluation.spikes.map((s) => ({
      ...s,
      alertId: s.key,
      subject: { job: 'daily-spend' as const, scope: s.scope, key: s.key, account: null },
    }));
    const msg = dailySlackMessage(alerts, { evaluation, currency: 'USD' });
    expect(evaluation.spikes).toHaveLength(101);
    expect(msg.blocks).toHaveLength(50 - RESERVED_FOR_ACTIONS);
    const withButtons = withAlertActions(msg, alerts, 3);
    expect(withButtons.blocks).toHaveLength(50);
    expect(JSON.stringify(withButtons.blocks)).toContain('…and'); // the omitted note survives the buttons
    expect(JSON.stringify(msg.blocks.at(-2))).toMatch(/…and \d+ more spikes/);
    expect(JSON.stringify(msg.blocks.at(-1))).toContain('month to date');
  });

  it('clips section text at Slack’s 3000 characters', () => {
    expect((section('x'.repeat(5000)).text as { text: string }).text.length).toBe(3000);
  });

  it('renders a spike with service, amounts, change, severity, sparkline and the month to date', () => {
    const data = dayRange('2026-11-01', '2026-11-20').map((d) => ({
      date: d,
      estimated: false,
      byService: new Map([['Amazon <Elastic> Compute_Cloud', d === '2026-11-20' ? 160 : 100]]),
    }));
    const evaluation = evaluateDailySpend(data, '2026-11-20', {
      warningPct: 20,
      criticalPct: 50,
      minDelta: 10,
      baseline: 'previous-day',
      recheckDays: 0,
    });
    const alerts = evaluation.spikes.map((s) => ({
      ...s,
      alertId: s.key,
      subject: { job: 'daily-spend' as const, scope: s.scope, key: s.key, account: null },
    }));
    const msg = dailySlackMessage(alerts, { evaluation, currency: 'USD' });
    const serviceBlock = msg.blocks.find((b) => JSON.stringify(b).includes('Elastic')) as SectionBlock;
    expect(JSON.stringify(serviceBlock)).toContain('&lt;Elastic&gt;');
    expect(JSON.stringify(serviceBlock)).toContain('$160.00');
    expect(JSON.stringify(serviceBlock)).toContain('+60.0%');
    expect(JSON.stringify(serviceBlock)).toContain('critical');
    expect(msg.text).toContain('Amazon &lt;Elastic&gt; Compute_Cloud $160.00 vs $100.00 (+60.0%, critical)');
    expect(msg.text).toContain('month to date $2,060.00');

    const sns = dailySnsMessage(alerts, { evaluation, currency: 'USD' });
    expect(sns.subject.length).toBeLessThan(100);
    expect(sns.attributes).toEqual({ job: 'daily-spend', severity: 'critical' });
    expect(sns.body).toContain('Amazon <Elastic> Compute_Cloud $160.00 vs $100.00 (+60.0%, critical)');
  });

  it('keeps SNS subjects on one line and under 100 characters', () => {
    const s = snsSubject(`a\nb ${'x'.repeat(200)}`);
    expect(s).not.toContain('\n');
    expect(s.length).toBeLessThan(100);
  });
});
