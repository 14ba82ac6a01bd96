import type { Anomaly } from '@aws-sdk/client-cost-explorer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { orgSpendScenario } from '../../emulators/scenarios/org-spend.js';
import { startDailyWorld, type DailyWorld } from '../support/daily-world.js';

const DAY = '2026-11-20';
const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const S3 = 'Amazon Simple Storage Service';

let w: DailyWorld;
let org: SeededOrganization;
const data = () => org.members[0]!.id;
const web = () => org.members[1]!.id;

const anomaly = (id: string, account: string, impact: number): Anomaly => ({
  AnomalyId: id,
  AnomalyStartDate: DAY,
  AnomalyEndDate: DAY,
  AnomalyScore: { MaxScore: 80, CurrentScore: 80 },
  Impact: { MaxImpact: impact, TotalImpact: impact },
  MonitorArn: 'arn:aws:ce::000000000000:anomalymonitor/org',
  RootCauses: [{ Service: EC2, Region: 'us-east-1', LinkedAccount: account, UsageType: 'USE1-BoxUsage:p3.2xlarge' }],
});

type Spike = {
  key: string;
  scope: string;
  date: string;
  account: string | null;
  drivers?: Array<{ usageType: string; amount: number }>;
  anomaly?: { id: string };
};
const orgConfig = (extra: Record<string, unknown> = {}) =>
  w.config({
    organization: { accounts: 'all' },
    notify: {
      slack: { channel: '#cost-alerts' },
      alertTopicArn: w.topic.topicArn,
      routes: [{ accounts: [web()], slack: { channel: '#team-web' } }],
    },
    ...extra,
  });

beforeAll(async () => {
  w = await startDailyWorld();
  org = await seedOrganization({ clientConfig: w.aws.clientConfig, members: ['Data', 'Web'] });
}, 60_000);
afterAll(() => w?.stop());
beforeEach(() => {
  w.ce.resetRequests();
  w.slack.reset();
});

describe('daily-spend context in an organization', () => {
  it('takes drivers from the spiking account only, and attaches an anomaly by service and account', async () => {
    // Web runs the same services at full size without a spike: its usage must not leak into Data's drivers.
    w.ce.setDataset(orgSpendScenario(DAY, [{ id: data(), spiky: true }, { id: web() }, { id: w.aws.account.accountId, scale: 0.1 }]), {
      anomalies: [anomaly('data-ec2', data(), 220), anomaly('web-ec2', web(), 35)],
    });

    const { code, json, stderr } = await w.run(DAY, await orgConfig({ dailySpend: { anomalies: true } }));

    expect(code, stderr).toBe(0);
    const ec2 = json.spikes.find((s: Spike) => s.key === EC2 && s.date === DAY);
    expect(ec2.account).toBe(data());
    expect(ec2.drivers.map((d: { usageType: string }) => d.usageType)[0]).toBe('USE1-BoxUsage:p3.2xlarge');
    // Data's m5.large is ~$250 a day; with Web's added it would be twice that.
    expect(ec2.drivers.find((d: { usageType: string }) => d.usageType === 'USE1-BoxUsage:m5.large').amount).toBeLessThan(300);
    expect(ec2.anomaly.id).toBe('data-ec2');
    const filter = JSON.stringify(w.ce.requests.find((r) => JSON.stringify(r.body.GroupBy).includes('USAGE_TYPE'))!.body.Filter);
    expect(filter).toContain(JSON.stringify({ Dimensions: { Key: 'LINKED_ACCOUNT', Values: [data()] } }));
    const own = json.spikes.find((s: Spike) => s.scope === 'anomaly');
    expect(own).toMatchObject({ key: 'web-ec2', account: web() });
    expect(w.slack.messages.find((m) => m.channel === '#team-web')!.text).toContain('AWS anomaly web-ec2');
    expect(json.costExplorerRequests).toBe(3);
  });

  it('gives no drivers, and says why, when one request cannot separate the accounts', async () => {
    // EC2 and S3 spike in both accounts: neither grouping keeps them apart.
    w.ce.setDataset(
      orgSpendScenario(DAY, [
        { id: data(), spiky: true },
        { id: web(), spiky: true, scale: 0.5 },
      ]),
    );

    const { code, json } = await w.run(DAY, await orgConfig(), ['--dry-run']);

    expect(code).toBe(0);
    const services = json.spikes.filter((s: Spike) => s.scope === 'service' && s.date === DAY);
    expect(services.map((s: Spike) => [s.key, s.account]).sort()).toEqual(
      [
        [EC2, data()],
        [EC2, web()],
        [S3, data()],
        [S3, web()],
      ].sort(),
    );
    expect(services.every((s: Spike) => Array.isArray(s.drivers) && s.drivers.length === 0)).toBe(true);
    expect(json.warnings).toEqual([expect.stringMatching(/4 service spike\(s\) share services and accounts with others/)]);
    expect(json.costExplorerRequests).toBe(1);
  });

  it('ignores AWS anomalies whose root causes name only accounts outside the choice', async () => {
    w.ce.setDataset(orgSpendScenario(DAY, [{ id: data(), spiky: true }, { id: web() }, { id: w.aws.account.accountId, scale: 0.1 }]), {
      anomalies: [anomaly('data-ec2', data(), 220), anomaly('web-ec2', web(), 35)],
    });
    const config = await orgConfig({ organization: { accounts: 'all', excludeAccounts: [web()] }, dailySpend: { anomalies: true } });

    const { code, json, stderr } = await w.run(DAY, config);

    expect(code, stderr).toBe(0);
    expect(json.spikes.find((s: Spike) => s.key === EC2 && s.date === DAY).anomaly.id).toBe('data-ec2');
    expect(json.spikes.filter((s: Spike) => s.scope === 'anomaly')).toEqual([]);
    expect(w.slack.messages.map((m) => m.text).join('\n')).not.toContain('web-ec2');
  });
});
