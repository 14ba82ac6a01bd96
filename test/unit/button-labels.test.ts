import type { ActionsBlock, Button } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { alertActions } from '../../shared/notify/actions.js';
import type { Alert } from '../../shared/alerts/alert.js';

const LB_PREFIX = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/checkout-service-internal-a';
const lb = (suffix: string, name?: string): Alert =>
  ({
    alertId: `idle-resources|idle-load-balancer|${LB_PREFIX}${suffix}|2026-11-16|warning`,
    severity: 'warning',
    subject: { job: 'idle-resources', scope: 'idle-load-balancer', key: `${LB_PREFIX}${suffix}`, account: null },
    finding: { id: `${LB_PREFIX}${suffix}`, ...(name ? { name } : {}) },
  }) as Alert;
const service = (account: string, accountName: string): Alert =>
  ({
    alertId: `daily-spend|service|Amazon Elastic Compute Cloud - Compute|${account}|2026-11-20|critical`,
    severity: 'critical',
    subject: { job: 'daily-spend', scope: 'service', key: 'Amazon Elastic Compute Cloud - Compute', account },
    account,
    accountName,
  }) as Alert;

const muteLabels = (alerts: Alert[]) =>
  alertActions(alerts)
    .filter((b): b is ActionsBlock => b.type === 'actions')
    .flatMap((b) => b.elements as Button[])
    .filter((b) => b.action_id!.startsWith('cost-watch:mute'))
    .map((b) => b.text.text);

describe('Mute button labels', () => {
  it('keeps a resource name from AWS as text: & < > as entities, never a raw <!channel>', () => {
    const labels = muteLabels([lb('/1', 'db <!channel> & co'), lb('/2')]);

    expect(labels[0]).toContain('&amp; co');
    expect(labels.join(' ')).not.toMatch(/[<>]/);
    // The long ARN leaves room only for the name's end: the cut never leaves half an entity such as `t;`.
    expect(labels[0]).not.toMatch(/…(?:[a-z]{1,3};|;)/);
  });

  it('tell apart two load balancers whose ARNs share their first 75 characters, by the distinctive end of the id', () => {
    expect(LB_PREFIX.length).toBeGreaterThanOrEqual(75);
    const labels = muteLabels([lb('/0123456789abcdef-service-one-0a1b2c3d4e5f'), lb('/0123456789abcdef-service-two-9f8e7d6c5b4a')]);
    expect(new Set(labels).size).toBe(2);
    expect(labels[0]).toMatch(/service-one-0a1b2c3d4e5f$/);
    expect(labels[1]).toMatch(/service-two-9f8e7d6c5b4a$/);
    for (const l of labels) expect(l.length).toBeLessThanOrEqual(75);
  });

  it('name a resource by its name where it has one, without the ARN prefix every resource shares', () => {
    const [label] = muteLabels([lb('/1', 'checkout-lb'), lb('/2')]);
    expect(label!.startsWith('Mute 7 days: checkout-lb (') || label!.startsWith('Mute 7 days: …')).toBe(true);
    expect(label).toContain('checkout-lb');
    expect(label).not.toContain('arn:aws');
  });

  it('add the account where one service spiked in two accounts of one message', () => {
    expect(muteLabels([service('111111111111', 'Data'), service('222222222222', 'Web')])).toEqual([
      'Mute 7 days: Amazon Elastic Compute Cloud - Compute · Data',
      'Mute 7 days: Amazon Elastic Compute Cloud - Compute · Web',
    ]);
  });

  it('number labels that would still read the same', () => {
    const labels = muteLabels([service('111111111111', 'Same'), service('222222222222', 'Same')]);
    expect(new Set(labels).size).toBe(2);
    expect(labels[1]).toMatch(/#2$/);
  });
});
