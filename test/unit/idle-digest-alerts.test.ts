import { describe, expect, it } from 'vitest';
import { hasNews } from '../../shared/jobs/idle-resources/digest-alerts.js';
import { digestSlackMessage, digestSnsMessage } from '../../shared/messages/idle-digest-message.js';
import type { IdleDigest } from '../../shared/messages/idle-digest.js';
import type { RoutedTo } from '../../shared/notify/routing.js';

const to = (routed: boolean): RoutedTo => ({
  destination: routed ? '#team-data' : '#cost-alerts',
  routed,
  accounts: null,
  takes: () => true,
});
const spend = { tagKey: 'team', window: { start: '2026-11-12', end: '2026-11-18' }, amount: 25, total: 100, sharePct: 25, activated: true };
const quiet: IdleDigest = {
  tagKeys: ['team', 'env'],
  unassigned: [],
  unlisted: [],
  spend,
  saved: { monthly: 0, resolved: 0, since: '2026-11-11' },
};
const resource = { account: null, region: 'us-east-1', arn: 'arn:aws:s3:::ops-artifacts', resourceType: 's3:bucket', missing: ['env'] };

describe('a destination without waste this week', () => {
  it('hears nothing when it owns no unassigned resource and nothing of its was resolved', () => {
    expect(hasNews(quiet, to(true))).toBe(false);
    expect(hasNews(undefined, to(false))).toBe(false);
  });

  it('hears its unassigned resources or its realized savings', () => {
    expect(hasNews({ ...quiet, unassigned: [{ ...resource, estimatedMonthlyCost: null }] }, to(true))).toBe(true);
    expect(hasNews({ ...quiet, saved: { monthly: 4, resolved: 1, since: '2026-11-11' } }, to(true))).toBe(true);
  });

  it('is the default destination: hears the untagged share unless it is a measured zero', () => {
    expect(hasNews(quiet, to(false))).toBe(true);
    expect(hasNews({ ...quiet, spend: { ...spend, amount: 0, sharePct: 0 } }, to(false))).toBe(false);
    expect(hasNews({ ...quiet, spend: { ...spend, activated: false, amount: null, sharePct: null } }, to(false))).toBe(true);
  });

  it('gets a digest-only message in Slack and SNS, saying no idle resources were found', () => {
    const digest: IdleDigest = { ...quiet, saved: { monthly: 4, resolved: 1, since: '2026-11-11' } };
    const slack = digestSlackMessage({ date: '2026-11-18', weekStart: '2026-11-16', digest });
    expect(slack.text).toContain('Weekly ownership digest, week of 2026-11-16');
    expect(JSON.stringify(slack.blocks)).toContain('No idle resources were found');
    expect(slack.text).toContain('Saved $4.00/month since last week: 1 finding of the run of 2026-11-11 is gone.');
    const sns = digestSnsMessage({ date: '2026-11-18', weekStart: '2026-11-16', digest });
    expect(sns.subject).toBe('[info] Weekly ownership digest, week of 2026-11-16');
    expect(sns.body).toContain('Saved $4.00/month since last week');
    expect(sns.body).toContain('25.0% of spend');
  });
});
