import { describe, expect, it } from 'vitest';
import {
  idleSlackMessage,
  idleSnsMessage,
  SNS_MAX_BYTES,
  TOP_PER_RULE,
  type IdleAlert,
  type IdleMessageContext,
} from '../../shared/messages/idle-resources.js';
import { SLACK_LIMITS } from '../../shared/notify/blocks.js';
import type { Finding } from '../../shared/waste/types.js';

const finding = (rule: string, n: number, extra: Partial<Finding> = {}): Finding => ({
  rule,
  account: null,
  region: 'us-east-1',
  id: `${rule}-${n}`,
  resourceType: 'ec2-instance',
  detail: 'm5.large, avg CPU 1.5% over 14 days',
  estimatedMonthlyCost: 70 + n,
  action: 'Stop or downsize the instance',
  facts: {},
  ...extra,
});
const alertOf = (f: Finding): IdleAlert => ({
  finding: f,
  alertId: `idle-resources|${f.rule}|${f.region}:${f.id}|2026-11-16|warning`,
  severity: 'warning',
  subject: { job: 'idle-resources', scope: f.rule, key: f.id, account: f.account },
});
const instanceAlert = (n: number, extra: Partial<Finding> = {}) => alertOf(finding('idle-instance', n, extra));
const volumeAlert = (n: number, extra: Partial<Finding> = {}) =>
  alertOf(
    finding('unattached-volume', n, {
      region: 'eu-west-1',
      resourceType: 'ebs-volume',
      detail: 'gp2 100 GiB, attached to nothing',
      estimatedMonthlyCost: 11,
      ...extra,
    }),
  );

function context(alerts: readonly IdleAlert[], extra: Partial<IdleMessageContext> = {}): IdleMessageContext {
  return {
    date: '2026-11-18',
    weekStart: '2026-11-16',
    regions: ['us-east-1', 'eu-west-1'],
    regionErrors: [],
    ruleErrors: [],
    totalFindings: alerts.length,
    estimatedMonthlySavings: alerts.reduce((s, a) => s + (a.finding.estimatedMonthlyCost ?? 0), 0),
    noData: 0,
    unpriced: [],
    lookbackDays: 14,
    cpuThresholdPct: 5,
    priceTableDate: '2025-06',
    ...extra,
  };
}

describe('idle-resources messages', () => {
  it('puts one instance without CPU data in the singular, verb included', () => {
    const alerts = [instanceAlert(1)];

    const one = idleSnsMessage(alerts, context(alerts, { noData: 1 })).body;
    const two = idleSnsMessage(alerts, context(alerts, { noData: 2 })).body;

    expect(one).toContain('1 instance had no CPU data and is not counted');
    expect(two).toContain('2 instances had no CPU data and are not counted');
    expect(idleSlackMessage(alerts, context(alerts)).text).toContain('1 finding, about $71.00/month');
  });

  it('escapes mrkdwn characters in names and details from AWS, in blocks and fallback text', () => {
    const alerts = [instanceAlert(1, { name: '<b>&db_*prod*_', detail: 'db <x>' })];

    const msg = idleSlackMessage(alerts, context(alerts));

    const blocks = JSON.stringify(msg.blocks);
    expect(blocks).toContain('&lt;b&gt;&amp;db\u200b_\u200b\u200b*\u200bprod');
    expect(blocks).toContain('db &lt;x&gt;');
    expect(blocks).not.toContain('<b>');
    expect(msg.text).toContain('&lt;b&gt;&amp;db_*prod*_');
  });

  it('groups findings by rule with counts, monthly dollars and the action, costliest items first, the rest in one line', () => {
    const alerts = [...Array.from({ length: 12 }, (_, n) => instanceAlert(n)), volumeAlert(1)];

    const msg = idleSlackMessage(alerts, context(alerts));

    const blocks = JSON.stringify(msg.blocks);
    expect(msg.text).toContain('13 findings, about $917.00/month'); // 12 × $70 + (0+…+11) + $11
    expect(blocks).toContain('Idle instances: 12 · $906.00/month');
    expect(blocks).toContain('Unattached volumes: 1 · $11.00/month');
    expect(blocks).toContain('Stop or downsize the instance');
    expect(blocks).toContain('idle-instance-11'); // the most expensive
    expect(blocks).not.toContain('idle-instance-0 '); // the cheapest falls outside the top
    const rest = alerts.slice(0, 12 - TOP_PER_RULE).reduce((s, a) => s + a.finding.estimatedMonthlyCost!, 0);
    expect(blocks).toContain(`…and ${12 - TOP_PER_RULE} more ($${rest.toFixed(2)}/month): see findings`);
  });

  it('says which regions were not scanned and which rules were not checked, and why', () => {
    const alerts = [instanceAlert(1)];
    const ctx = context(alerts, {
      regionErrors: [{ region: 'ap-east-1', message: 'OptInRequired: not subscribed' }],
      ruleErrors: [{ account: null, region: 'eu-west-1', rule: 'idle-rds', message: 'AccessDenied' }],
    });

    const msg = idleSlackMessage(alerts, ctx);

    expect(JSON.stringify(msg.blocks)).toContain('Not scanned: ap-east-1 (OptInRequired: not subscribed)');
    expect(JSON.stringify(msg.blocks)).toContain('Not checked: idle-rds in eu-west-1 (AccessDenied)');
    expect(msg.text).toContain('ap-east-1');
    expect(msg.text).toContain('idle-rds in eu-west-1');
  });

  it('does not count a region that failed as scanned', () => {
    const alerts = [instanceAlert(1)];
    const ctx = context(alerts, {
      regions: ['us-east-1', 'eu-west-1', 'ap-east-1'],
      regionErrors: [{ region: 'ap-east-1', message: 'OptInRequired' }],
    });

    expect(JSON.stringify(idleSlackMessage(alerts, ctx).blocks)).toContain('could be saved across 2 of 3 regions');
    expect(idleSnsMessage(alerts, ctx).body).toContain('2 of 3 regions scanned');
  });

  it('marks a later run of the same week as new findings, with the week total', () => {
    const all = [instanceAlert(1), instanceAlert(2), volumeAlert(3)];
    const fresh = [volumeAlert(3)];

    const msg = idleSlackMessage(fresh, context(all));

    expect(msg.text).toMatch(/^New idle AWS resources/);
    expect(msg.text).toContain('This week in total: 3 findings');
  });

  it('gives SNS a one-line subject under 100 characters, the items grouped in plain text, and job/severity attributes', () => {
    const alerts = [instanceAlert(1, { name: 'a_b*c' }), volumeAlert(2)];

    const sns = idleSnsMessage(alerts, context(alerts));

    expect(sns.subject.length).toBeLessThan(100);
    expect(sns.subject).not.toMatch(/\n/);
    expect(sns.body).toContain('Idle instances: 1 · $71.00/month. Stop or downsize the instance.');
    expect(sns.body).toContain('- idle-instance-1 a_b*c · m5.large, avg CPU 1.5% over 14 days · us-east-1 · $71.00/month');
    expect(sns.attributes).toEqual({ job: 'idle-resources', severity: 'warning' });
  });

  it('keeps 2,000 findings across every rule within Slack and SNS limits, saying how many were left out', () => {
    const rules = [
      'idle-instance',
      'stopped-instance',
      'unattached-volume',
      'gp2-volume',
      'orphaned-snapshot',
      'unassociated-eip',
      'idle-nat-gateway',
      'idle-load-balancer',
      'idle-rds',
    ];
    const long = 'x'.repeat(255);
    const alerts = Array.from({ length: 2000 }, (_, n) =>
      alertOf(
        finding(rules[n % rules.length]!, n, { name: `${long}${n}`, account: '111122223333', estimatedMonthlyCost: n % 7 ? 10 : null }),
      ),
    );

    const msg = idleSlackMessage(alerts, context(alerts));
    const sns = idleSnsMessage(alerts, context(alerts));

    expect(msg.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    for (const b of msg.blocks) if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(msg.text.length).toBeLessThanOrEqual(3000);
    const blocks = JSON.stringify(msg.blocks);
    const shownInSlack = (blocks.match(/• /g) ?? []).length;
    const leftOut = [...blocks.matchAll(/…and (\d+) more \(\$[\d,.]+\/month\): see findings/g)].reduce((s, m) => s + Number(m[1]), 0);
    expect(shownInSlack + leftOut).toBe(2000);
    expect(Buffer.byteLength(sns.body)).toBeLessThanOrEqual(SNS_MAX_BYTES);
    const shownInSns = (sns.body.match(/^- [a-z0-9-]+-\d+ /gm) ?? []).length;
    const snsLeftOut = [...sns.body.matchAll(/…and (\d+) more \(\$[\d,.]+\/month\): see findings/g)].reduce((s, m) => s + Number(m[1]), 0);
    expect(shownInSns + snsLeftOut).toBe(2000);
  });
});
