import { describe, expect, it } from 'vitest';
import { mrkdwn, renderPreview, renderSlack } from '../../cli/render-message.js';
import { idleSlackMessage, type IdleAlert } from '../../shared/messages/idle-resources.js';
import { withAlertActions } from '../../shared/notify/actions.js';
import { escapeMrkdwn } from '../../shared/notify/escape.js';
import type { Finding } from '../../shared/waste/types.js';

const plain = { color: false };
const color = { color: true };
const ARN = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/old-alb/5a71411131cd8186';

const finding = (id: string, name: string): Finding => ({
  rule: 'idle-load-balancer',
  account: null,
  region: 'us-east-1',
  id,
  name,
  resourceType: 'load-balancer',
  detail: 'ALB, no requests over 14 days',
  estimatedMonthlyCost: 16.43,
  action: 'Delete the load balancer',
  facts: {},
});
const alertOf = (f: Finding): IdleAlert => ({
  finding: f,
  alertId: `idle-resources|${f.rule}|us-east-1:${f.id}|2026-11-30|warning`,
  severity: 'warning',
  subject: { job: 'idle-resources', scope: f.rule, key: f.id, account: null },
});
const idleContext = {
  date: '2026-12-05',
  weekStart: '2026-11-30',
  regions: ['us-east-1'],
  regionErrors: [],
  ruleErrors: [],
  totalFindings: 1,
  estimatedMonthlySavings: 16.43,
  noData: 0,
  unpriced: [],
  lookbackDays: 14,
  cpuThresholdPct: 5,
  priceTableDate: '2025-06',
};

describe('terminal rendering of Slack messages', () => {
  it('shows a name escaped with zero-width spaces as written, not as stray asterisks', () => {
    const line = `*${escapeMrkdwn('batch_worker *old*')}* · idle`;

    expect(mrkdwn(line, plain)).toBe('batch_worker *old* · idle');
    expect(mrkdwn(line, color)).toBe('\x1b[1mbatch_worker *old*\x1b[0m · idle');
  });

  it('leaves an ARN in a code span alone and draws only known emoji', () => {
    expect(mrkdwn(`:warning: \`${ARN}\` *old-alb*`, plain)).toBe(`⚠️ ${ARN} old-alb`);
    expect(mrkdwn('an ARN outside code: arn:aws:sns:us-east-1:1:t, :no_such_emoji:', plain)).toBe(
      'an ARN outside code: arn:aws:sns:us-east-1:1:t, :no_such_emoji:',
    );
  });

  it('keeps the header emoji and shows the buttons of an alert message', () => {
    const alerts = [alertOf(finding(ARN, 'old-alb'))];
    const message = withAlertActions(idleSlackMessage(alerts, idleContext), alerts);

    const out = renderSlack('#cost-alerts', message.blocks as never, plain, message.text);

    expect(out).toContain('│ 💸 Idle AWS resources, week of 2026-11-30');
    expect(out).toContain(`• ${ARN} old-alb · ALB, no requests over 14 days`);
    expect(out).toContain('[ Acknowledge ] [ Mute 7 days ]');
    expect(out).toContain('(notification text: Idle AWS resources, week of 2026-11-30: 1 finding, about $16.43/month.');
    expect(out).not.toContain('**');
    expect(out).not.toContain('\u200b');
  });

  it('titles a dry-run preview with where it would go, for Slack and SNS', () => {
    const sns = renderPreview(
      {
        channel: 'sns',
        destination: 'arn:aws:sns:us-east-1:111111111111:cost-watch-alerts',
        message: { subject: 'S', body: 'line 1\nline 2', attributes: { job: 'budgets', severity: 'warning' } },
      },
      plain,
    );
    const slack = renderPreview({ channel: 'slack', destination: '#team-data', message: { text: 'fallback', blocks: [] } }, plain);

    expect(sns).toBe(
      'dry run: would send to SNS arn:aws:sns:us-east-1:111111111111:cost-watch-alerts:\n┌─ SNS cost-watch-alerts (job=budgets severity=warning)\n│ Subject: S\n│ line 1\n│ line 2\n└─\n',
    );
    expect(slack).toBe('dry run: would send to Slack #team-data:\n┌─ Slack #team-data\n│ (notification text: fallback)\n└─\n');
  });
});
