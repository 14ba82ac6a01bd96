import { describe, expect, it } from 'vitest';
import { idleMessageFor, type RunFacts } from '../../shared/jobs/idle-resources/alerts.js';
import { idleSlackMessage, idleSnsMessage, type IdleAlert, type IdleMessageContext } from '../../shared/messages/idle-resources.js';
import type { RoutedTo } from '../../shared/notify/routing.js';
import type { Finding } from '../../shared/waste/types.js';

const DATA = '111111111111';
const WEB = '222222222222';
const GONE = '333333333333';

const finding = (account: string, n: number, cost: number): Finding => ({
  rule: 'idle-instance',
  account,
  region: 'us-east-1',
  id: `i-${account.slice(0, 3)}${n}`,
  resourceType: 'ec2-instance',
  detail: 'm5.large, avg CPU 1.5% over 14 days',
  estimatedMonthlyCost: cost,
  action: 'Stop or downsize the instance',
  facts: {},
});
const alertOf = (f: Finding): IdleAlert => ({
  finding: f,
  alertId: `idle|${f.account}|${f.id}`,
  severity: 'warning',
  subject: { job: 'idle-resources', scope: 'instance', key: f.id, account: f.account },
});

const findings = [finding(DATA, 1, 70), finding(DATA, 2, 30), finding(WEB, 1, 1000), finding(WEB, 2, 2000)];
const run: RunFacts = {
  date: '2026-11-18',
  weekStart: '2026-11-16',
  regions: ['us-east-1', 'eu-west-1'],
  findings,
  ruleErrors: [],
  estimatedMonthlySavings: 3100,
  noData: 0,
  unpriced: [],
  regionErrors: [
    { account: DATA, region: 'eu-west-1', message: 'UnauthorizedOperation: ec2:DescribeVolumes' },
    { account: WEB, region: 'eu-west-1', message: 'OptInRequired' },
  ],
  accountErrors: [{ account: GONE, message: 'AccessDenied: not authorized to perform sts:AssumeRole' }],
  accounts: [
    { id: DATA, name: 'Data' },
    { id: WEB, name: 'Web' },
    { id: GONE, name: 'Legacy <prod>' },
  ],
};
const base: IdleMessageContext = {
  date: run.date,
  weekStart: run.weekStart,
  regions: run.regions,
  regionErrors: run.regionErrors,
  ruleErrors: [],
  totalFindings: 4,
  estimatedMonthlySavings: 3100,
  noData: 0,
  unpriced: [],
  lookbackDays: 14,
  cpuThresholdPct: 5,
  priceTableDate: '2025-06',
};
const team: RoutedTo = { destination: '#team-data', routed: true, accounts: [DATA], takes: (a) => a === DATA };
const defaults: RoutedTo = { destination: '#cost-alerts', routed: false, accounts: null, takes: (a) => a !== DATA };

describe('idle-resources message per destination', () => {
  it("counts only a team's own findings and dollars, in the header and the week's total", () => {
    const dataAlerts = findings.filter((f) => f.account === DATA).map(alertOf);
    const msg = idleMessageFor(base, run, team);
    const slack = idleSlackMessage(dataAlerts.slice(0, 1), msg);
    const sns = idleSnsMessage(dataAlerts.slice(0, 1), msg);

    expect(msg).toMatchObject({ totalFindings: 2, estimatedMonthlySavings: 100 });
    for (const text of [slack.text, JSON.stringify(slack.blocks), sns.body]) {
      expect(text).toContain('This week in total: 2 findings, about $100.00/month.');
      expect(text).not.toContain('$3,100.00');
      expect(text).not.toContain('4 findings');
      expect(text).not.toContain(WEB);
      expect(text).not.toContain(GONE);
    }
    expect(sns.body).toContain(`${DATA}/eu-west-1 (UnauthorizedOperation: ec2:DescribeVolumes)`);
  });

  it('names every account and region not scanned at the default destination, in Slack and SNS, with the reason', () => {
    const webAlerts = findings.filter((f) => f.account === WEB).map(alertOf);
    const msg = idleMessageFor(base, run, defaults);
    const slack = idleSlackMessage(webAlerts, msg);
    const sns = idleSnsMessage(webAlerts, msg);

    expect(msg).toMatchObject({ totalFindings: 2, estimatedMonthlySavings: 3000 });
    const account = `account ${GONE} (Legacy <prod>), every region (AccessDenied: not authorized to perform sts:AssumeRole)`;
    expect(sns.body).toContain(`Not scanned: ${account}`);
    expect(sns.body).toContain(`${DATA}/eu-west-1 (UnauthorizedOperation`);
    expect(sns.body).toContain(`${WEB}/eu-west-1 (OptInRequired)`);
    expect(slack.text).toContain(`Not scanned: ${account.replace('<prod>', '&lt;prod&gt;')}`);
    expect(JSON.stringify(slack.blocks)).toContain(`account ${GONE} (Legacy &lt;prod&gt;), every region`);
  });
});
