import { describe, expect, it } from 'vitest';
import type { IdleInstance, UnattachedVolume } from '../../shared/detect/idle.js';
import { idleSlackMessage, idleSnsMessage, TOP_ITEMS, type IdleAlert, type IdleMessageContext } from '../../shared/messages/idle-resources.js';

const instanceAlert = (n: number, extra: Partial<IdleInstance> = {}): IdleAlert => ({
  kind: 'instance',
  alertId: `idle-resources|instance|us-east-1:i-${n}|2026-11-16|warning`,
  severity: 'warning',
  subject: { job: 'idle-resources', scope: 'instance', key: `i-${n}`, account: null },
  item: { id: `i-${n}`, region: 'us-east-1', instanceType: 'm5.large', avgCpuPct: 1.5, estimatedMonthlyCost: 70 + n, ...extra },
});
const volumeAlert = (n: number, extra: Partial<UnattachedVolume> = {}): IdleAlert => ({
  kind: 'volume',
  alertId: `idle-resources|volume|eu-west-1:vol-${n}|2026-11-16|warning`,
  severity: 'warning',
  subject: { job: 'idle-resources', scope: 'volume', key: `vol-${n}`, account: null },
  item: { id: `vol-${n}`, region: 'eu-west-1', sizeGiB: 100, volumeType: 'gp2', estimatedMonthlyCost: 11, ...extra },
});

function context(alerts: readonly IdleAlert[], extra: Partial<IdleMessageContext> = {}): IdleMessageContext {
  return {
    date: '2026-11-18',
    weekStart: '2026-11-16',
    regions: ['us-east-1', 'eu-west-1'],
    regionErrors: [],
    totalIdleInstances: alerts.filter((a) => a.kind === 'instance').length,
    totalUnattachedVolumes: alerts.filter((a) => a.kind === 'volume').length,
    estimatedMonthlySavings: alerts.reduce((s, a) => s + (a.item.estimatedMonthlyCost ?? 0), 0),
    noData: 0,
    unpriced: [],
    lookbackDays: 14,
    cpuThresholdPct: 5,
    priceTableDate: '2025-06',
    ...extra,
  };
}

describe('idle-resources messages', () => {
  it('escapes mrkdwn characters in Name tags in blocks and fallback text', () => {
    const alerts = [instanceAlert(1, { name: '<b>&db_*prod*_' })];

    const msg = idleSlackMessage(alerts, context(alerts));

    const blocks = JSON.stringify(msg.blocks);
    expect(blocks).toContain('&lt;b&gt;&amp;db\u200b_\u200b\u200b*\u200bprod');
    expect(blocks).not.toContain('<b>');
    expect(msg.text).toContain('&lt;b&gt;&amp;db_*prod*_');
  });

  it('states counts, the monthly total, and lists the top items by cost, the rest summed', () => {
    const alerts = [...Array.from({ length: 12 }, (_, n) => instanceAlert(n)), volumeAlert(1)];

    const msg = idleSlackMessage(alerts, context(alerts));

    const blocks = JSON.stringify(msg.blocks);
    expect(msg.text).toContain('12 idle instances and 1 unattached volume');
    expect(msg.text).toContain('$917.00/month'); // 12 × $70 + (0+…+11) + $11
    expect(blocks).toContain('i-11'); // the most expensive
    expect(blocks).not.toContain('vol-1 '); // the cheapest falls outside the top
    expect(blocks).toContain(`…and ${alerts.length - TOP_ITEMS} more`);
    expect(blocks).toContain('avg CPU 1.5%');
  });

  it('says which regions were not scanned and why', () => {
    const alerts = [instanceAlert(1)];
    const ctx = context(alerts, { regionErrors: [{ region: 'ap-east-1', message: 'OptInRequired: not subscribed' }] });

    const msg = idleSlackMessage(alerts, ctx);

    expect(JSON.stringify(msg.blocks)).toContain('Not scanned: ap-east-1 (OptInRequired: not subscribed)');
    expect(msg.text).toContain('ap-east-1');
  });

  it('marks a later run of the same week as new findings, with the week total', () => {
    const all = [instanceAlert(1), instanceAlert(2), volumeAlert(3)];
    const fresh = [volumeAlert(3)];

    const msg = idleSlackMessage(fresh, context(all));

    expect(msg.text).toMatch(/^New idle AWS resources/);
    expect(msg.text).toContain('This week in total: 2 idle instances, 1 unattached volume');
  });

  it('gives SNS a one-line subject under 100 characters, the items in plain text, and job/severity attributes', () => {
    const alerts = [instanceAlert(1, { name: 'a_b*c' }), volumeAlert(2)];

    const sns = idleSnsMessage(alerts, context(alerts));

    expect(sns.subject.length).toBeLessThan(100);
    expect(sns.subject).not.toMatch(/\n/);
    expect(sns.body).toContain('i-1 a_b*c · m5.large · us-east-1 · avg CPU 1.5% · $71.00/month');
    expect(sns.attributes).toEqual({ job: 'idle-resources', severity: 'warning' });
  });
});
