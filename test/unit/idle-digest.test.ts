import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { RealizedSavings, Unassigned, UnassignedResource } from '../../shared/detect/ownership/types.js';
import { resolvedFindings } from '../../shared/detect/ownership/realized.js';
import { digestFor, type OwnershipRouting } from '../../shared/jobs/idle-resources/digest.js';
import { parseFindings } from '../../shared/report/findings.js';
import { idleMessageFor, type RunFacts } from '../../shared/jobs/idle-resources/alerts.js';
import { idleSlackMessage, idleSnsMessage, type IdleAlert, type IdleMessageContext } from '../../shared/messages/idle-resources.js';
import { SLACK_LIMITS, SNS_BODY_MAX_BYTES } from '../../shared/notify/limits.js';
import type { RoutedTo } from '../../shared/notify/routing.js';
import type { Finding } from '../../shared/waste/types.js';

const ACCOUNT = '111111111111';
const o: OwnershipRouting = {
  tags: ['team', 'env'],
  teams: { data: { slack: { channel: '#team-data' } }, web: { alertTopicArn: 'arn:x' } },
};
const teamOf = (tags: Record<string, string>) => tags.team ?? null;

const to = (destination: string, teams: string[], routed = teams.length > 0): RoutedTo => ({
  destination,
  routed,
  accounts: routed ? [] : null,
  teams,
  // A team's destination takes its team's alerts; the default one everything no listed team owns.
  takes: (_account, team = null) => (teams.length ? team !== null && teams.includes(team) : team === null || !(team in o.teams)),
});
const data = to('#team-data', ['data']);
const web = to('arn:x', ['web']);
const defaults = to('#cost-alerts', []);

const resource = (n: number, tags: Record<string, string>, type = 'ec2:instance', region = 'us-east-1'): UnassignedResource => ({
  account: ACCOUNT,
  region,
  arn: `arn:aws:ec2:${region}:${ACCOUNT}:${type.split(':')[1]}/r-${String(n).padStart(3, '0')}`,
  resourceType: type,
  missing: ['team', 'env'].filter((k) => !(k in tags)),
  tags,
});
const finding = (id: string, cost: number, tags: Record<string, string>): Finding => ({
  rule: 'idle-instance',
  account: ACCOUNT,
  region: 'us-east-1',
  id,
  resourceType: 'ec2-instance',
  detail: 'm5.large, avg CPU 1.0% over 14 days',
  estimatedMonthlyCost: cost,
  action: 'Stop or downsize the instance',
  facts: {},
  tags,
});
const spend = { tagKey: 'team', window: { start: '2026-11-12', end: '2026-11-18' }, amount: 25, total: 100, sharePct: 25, activated: true };
const unassigned = (resources: UnassignedResource[]): Unassigned => ({ tags: ['team', 'env'], resources, spend, scopeErrors: [] });
const savings: RealizedSavings = {
  resolved: [
    {
      rule: 'unattached-volume',
      account: ACCOUNT,
      region: 'us-east-1',
      id: 'vol-1',
      estimatedMonthlyCost: 8,
      ...{ tags: { team: 'data' } },
    },
    { rule: 'unattached-volume', account: ACCOUNT, region: 'us-east-1', id: 'vol-2', estimatedMonthlyCost: 10 },
  ],
  monthly: 18,
  previousRun: { date: '2026-11-11', key: 'findings/idle-resources/2026-11-11.json' },
};

describe("a resolved finding's team", () => {
  it('comes through the previous findings file, so its saving reaches the team it was sent to', () => {
    const file = {
      findings: [{ ...finding('vol-1', 8, { team: 'data' }), rule: 'unattached-volume' }],
      idleInstances: [],
      unattachedVolumes: [],
      estimatedMonthlySavings: 8,
    };
    const previous = parseFindings(file, 'findings/idle-resources/2026-11-11.json', '2026-11-11');
    expect(previous.items[0]!.tags).toEqual({ team: 'data' });
    const before = previous.items.map((i) => ({ ...i, rule: 'unattached-volume', account: i.account ?? null }));
    const scanned = [{ account: ACCOUNT, region: 'us-east-1', rules: ['unattached-volume'], stillPaidIds: [] }];
    expect(resolvedFindings(before, [], scanned)).toMatchObject([{ id: 'vol-1', tags: { team: 'data' } }]);
  });
});

describe('weekly ownership digest per destination', () => {
  it('gives a team its own unassigned resources (its team value, another key missing), and the default everything else', () => {
    const resources = [resource(1, { team: 'data' }), resource(2, {}), resource(3, { team: 'ml' }), resource(4, { team: 'web' })];
    const run = { findings: [], unassigned: unassigned(resources) };
    expect(digestFor(run, data, o)!.unassigned.map((r) => r.arn)).toEqual([resources[0]!.arn]);
    expect(digestFor(run, web, o)!.unassigned.map((r) => r.arn)).toEqual([resources[3]!.arn]);
    expect(digestFor(run, defaults, o)!.unassigned.map((r) => r.arn)).toEqual([resources[1]!.arn, resources[2]!.arn]);
    expect(teamOf(resources[0]!.tags)).toBe('data');
  });

  it('lists the costliest first when a finding prices a resource, then by account, region and type', () => {
    const resources = [resource(1, {}, 's3:bucket'), resource(2, {}, 'ec2:volume', 'eu-west-1'), resource(3, {}), resource(4, {})];
    const run = { findings: [finding('r-003', 20, {}), finding('r-004', 70, {})], unassigned: unassigned(resources) };
    const digest = digestFor(run, defaults, o)!;
    expect(digest.unassigned.map((r) => [r.arn.split('/')[1], r.estimatedMonthlyCost])).toEqual([
      ['r-004', 70],
      ['r-003', 20],
      ['r-002', null],
      ['r-001', null],
    ]);
  });

  it('tells each destination what its own resolved findings save, and nothing on a first run', () => {
    const run = { findings: [], unassigned: unassigned([]), realizedSavings: savings };
    expect(digestFor(run, data, o)!.saved).toEqual({ monthly: 8, resolved: 1, since: '2026-11-11' });
    expect(digestFor(run, defaults, o)!.saved).toEqual({ monthly: 10, resolved: 1, since: '2026-11-11' });
    const first = { ...run, realizedSavings: { resolved: [], monthly: 0, previousRun: null } };
    expect(digestFor(first, defaults, o)!.saved).toBeNull();
  });
});

const base: IdleMessageContext = {
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
};
const blockText = (blocks: readonly KnownBlock[]) => blocks.map((b) => (b.type === 'section' ? b.text!.text : '')).join('\n');
const alertOf = (f: Finding): IdleAlert => ({
  finding: f,
  alertId: `idle|${f.id}`,
  severity: 'warning',
  subject: { job: 'idle-resources', scope: 'instance', key: f.id, account: f.account },
});
const facts = (resources: UnassignedResource[], extra: Partial<RunFacts> = {}): RunFacts => ({
  date: base.date,
  weekStart: base.weekStart,
  regions: [...base.regions],
  regionErrors: [],
  findings: [finding('i-data', 70, { team: 'data' })],
  ruleErrors: [],
  estimatedMonthlySavings: 70,
  noData: 0,
  unpriced: [],
  unassigned: unassigned(resources),
  realizedSavings: savings,
  ...extra,
});

describe('weekly ownership digest in the message', () => {
  it('shows a team its waste, its unassigned resources, the untagged share and what it saved, in Slack and SNS', () => {
    const run = facts([resource(1, { team: 'data' }), resource(2, {})]);
    const msg = idleMessageFor(base, run, data, o);
    const slack = idleSlackMessage(run.findings.map(alertOf), msg);
    const sns = idleSnsMessage(run.findings.map(alertOf), msg);
    for (const text of [slack.text, blockText(slack.blocks), sns.body]) {
      expect(text).toContain('i-data');
      expect(text).toContain('Unassigned resources: 1 resource missing a "team" or "env" tag');
      expect(text).toContain('25.0% of spend, $25.00 of $100.00, had no "team" tag in the 7 days 2026-11-12 to 2026-11-18');
      expect(text).toContain('Saved $8.00/month since last week: 1 finding of the run of 2026-11-11 is gone.');
      expect(text).not.toContain('r-002');
    }
    expect(sns.body).toContain(`- arn:aws:ec2:us-east-1:${ACCOUNT}:instance/r-001 · ec2:instance · ${ACCOUNT}/us-east-1 · missing env`);
  });

  it('says the tag is not activated rather than showing everything untagged', () => {
    const run = facts([], {});
    const off = { ...run, unassigned: { ...run.unassigned!, spend: { ...spend, activated: false, amount: null, sharePct: null } } };
    const sns = idleSnsMessage(run.findings.map(alertOf), idleMessageFor(base, off, data, o));
    expect(sns.body).toContain('Untagged spend: unknown. The "team" tag is not activated as a cost allocation tag');
    expect(sns.body).not.toContain('100.0%');
  });

  it('says the untagged share is unknown when Cost Explorer failed, not that the tag is not activated', () => {
    const run = facts([]);
    const failed = { ...spend, activated: null, amount: null, sharePct: null, total: null, message: 'ThrottlingException: rate exceeded' };
    const sns = idleSnsMessage(
      run.findings.map(alertOf),
      idleMessageFor(base, { ...run, unassigned: { ...run.unassigned!, spend: failed } }, data, o),
    );
    expect(sns.body).toContain('Untagged spend: unknown (ThrottlingException: rate exceeded).');
    expect(sns.body).not.toContain('not activated');
  });

  it('escapes tag keys and ARNs from AWS and config', () => {
    const evil = { ...resource(1, {}), arn: 'arn:aws:s3:::<!channel>*bold*', missing: ['team<&>'] };
    const run = facts([evil], { findings: [finding('i-x', 5, {})] });
    const slack = idleSlackMessage(run.findings.map(alertOf), idleMessageFor(base, run, defaults, o));
    const all = `${slack.text}${JSON.stringify(slack.blocks)}`;
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('team<&>');
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('team&lt;&amp;&gt;');
  });

  it('lists the first resources and says "…and N more" within Slack\'s and SNS\'s limits, however many there are', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...resource(i, {}), arn: `arn:aws:s3:::${'b'.repeat(200)}-${i}` }));
    const run = facts(many, { findings: [finding('i-x', 5, {})] });
    const msg = idleMessageFor(base, run, defaults, o);
    const slack = idleSlackMessage(run.findings.map(alertOf), msg);
    const sns = idleSnsMessage(run.findings.map(alertOf), msg);
    const section = JSON.stringify(slack.blocks.filter((b) => JSON.stringify(b).includes('Unassigned resources')));
    expect(section).toMatch(/…and 4,99\d more resources: see the result's unassigned.resources/);
    for (const b of slack.blocks) if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(slack.text.length).toBeLessThanOrEqual(3000);
    expect(Buffer.byteLength(sns.body)).toBeLessThanOrEqual(SNS_BODY_MAX_BYTES);
    expect(sns.body).toMatch(/- …and [\d,]+ more resources: see the result's unassigned.resources/);
  });

  it('names the scopes whose tags could not be listed', () => {
    const run = facts([]);
    const denied = {
      ...run,
      unassigned: { ...run.unassigned!, scopeErrors: [{ region: 'eu-west-1', message: 'AccessDenied: tag:GetResources' }] },
    };
    const sns = idleSnsMessage(run.findings.map(alertOf), idleMessageFor(base, denied, data, o));
    expect(sns.body).toContain('Tags not listed (unassigned resources unknown there): eu-west-1 (AccessDenied: tag:GetResources)');
  });
});
