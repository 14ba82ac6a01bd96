import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { startDailyWorld, type DailyWorld } from '../support/daily-world.js';

const DAY = '2026-11-20';
const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const S3 = 'Amazon Simple Storage Service';
type Spike = {
  key: string;
  date: string;
  scope: string;
  drivers?: Array<{ usageType: string; amount: number; previous: number; delta: number }>;
  consoleUrl?: string;
};

let w: DailyWorld;
beforeAll(async () => {
  w = await startDailyWorld();
});
afterAll(() => w?.stop());
beforeEach(async () => {
  w.ce.setDataset(dailySpendScenario({ spikeDay: DAY }));
  w.ce.resetRequests();
  w.slack.reset();
  await w.topic.receive();
});

const spike = (json: { spikes: Spike[] }, key: string) => json.spikes.find((s) => s.key === key && s.date === DAY)!;

describe('daily-spend context for on-call: drivers, console link, forecast', () => {
  it('names the usage types behind each service spike from one extra request filtered to the spiking services', async () => {
    const { code, json, stderr } = await w.run(DAY, await w.config());

    expect(code, stderr).toBe(0);
    const ec2 = spike(json, EC2);
    expect(ec2.drivers!.map((d) => d.usageType)).toEqual([
      'USE1-BoxUsage:p3.2xlarge',
      'USE1-BoxUsage:c5.2xlarge',
      'USE1-BoxUsage:m5.large',
    ]);
    expect(ec2.drivers![0]).toMatchObject({ previous: 0, delta: ec2.drivers![0]!.amount });
    expect(ec2.drivers![0]!.delta).toBeGreaterThan(200);
    expect(ec2.drivers!.every((d, i, all) => d.delta > 0 && (i === 0 || all[i - 1]!.delta >= d.delta))).toBe(true);
    expect(spike(json, S3).drivers![0]!.usageType).toBe('USE1-Requests-Tier1');
    expect(spike(json, 'total').drivers).toBeUndefined();
    expect(json.costExplorerRequests).toBe(2);
    const drivers = w.ce.requests[1]!.body as { Filter: unknown; Granularity: string };
    expect(drivers.Granularity).toBe('DAILY');
    expect(JSON.stringify(drivers.Filter)).toContain(JSON.stringify({ Dimensions: { Key: 'SERVICE', Values: [EC2, S3] } }));
    expect(JSON.stringify(drivers.Filter)).toContain('RECORD_TYPE');
  });

  it('shows drivers, a Cost Explorer button and the forecast in Slack, and drivers and the link in SNS', async () => {
    const { json } = await w.run(DAY, await w.config());

    const msg = w.slack.messages[0]!;
    expect(msg.text).toMatch(/driven by USE1-BoxUsage:p3\.2xlarge \+\$2\d\d\.\d\d, USE1-BoxUsage:c5\.2xlarge \+\$/);
    expect(msg.text).toContain(`forecast $${json.total.forecast.toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    const ec2Block = msg.blocks.find((b) => JSON.stringify(b).includes('p3.2xlarge')) as { accessory?: { type: string; url: string } };
    expect(ec2Block.accessory).toMatchObject({ type: 'button', url: spike(json, EC2).consoleUrl });
    const [sns] = await w.topic.receive();
    expect(sns!.message).toContain('driven by USE1-BoxUsage:p3.2xlarge');
    // One link for the whole message (each is ~1,400 characters): the day, by service.
    expect(sns!.message.match(/Cost Explorer: https:/g)).toHaveLength(1);
    expect(sns!.message).not.toContain(spike(json, EC2).consoleUrl);
    expect(decodeURIComponent(/Cost Explorer: (\S+)/.exec(sns!.message)![1]!)).toContain('"Service"');
  });

  it('links each spike to Cost Explorer filtered to its service, daily, the 14 days to the spike', async () => {
    const { json } = await w.run(DAY, await w.config(), ['--dry-run']);

    const url = new URL(spike(json, EC2).consoleUrl!.replace('#/cost-explorer?', '?'));
    expect(url.origin).toBe('https://us-east-1.console.aws.amazon.com');
    expect(url.searchParams.get('granularity')).toBe('Daily');
    expect([url.searchParams.get('startDate'), url.searchParams.get('endDate')]).toEqual(['2026-11-07', DAY]);
    expect(JSON.parse(url.searchParams.get('filter')!)).toContainEqual(
      expect.objectContaining({ dimension: { id: 'Service', displayValue: 'Service' }, values: [{ value: EC2, displayValue: EC2 }] }),
    );
    expect(spike(json, 'total').consoleUrl).not.toContain('Service%22%2C%22displayValue');
  });

  it('projects the month-end forecast from the data already fetched', async () => {
    const { json } = await w.run(DAY, await w.config(), ['--dry-run']);

    // Month to date plus 10 days left × the average of the 7 days to DAY, from the same dataset.
    const totals = new Map<string, number>();
    for (const r of dailySpendScenario({ spikeDay: DAY })) if (!r.recordType) totals.set(r.date, (totals.get(r.date) ?? 0) + r.amount);
    const week = ['14', '15', '16', '17', '18', '19', '20'].reduce((a, d) => a + totals.get(`2026-11-${d}`)!, 0) / 7;
    expect(json.total.forecast).toBeCloseTo(json.monthToDate + week * 10, 1);
    expect(json.costExplorerRequests).toBe(2);
  });

  it('makes no drivers request on a day without service spikes', async () => {
    const { code, json } = await w.run('2026-11-18', await w.config(), ['--dry-run']);

    expect(code).toBe(0);
    expect(json.spikes).toEqual([]);
    expect(json.costExplorerRequests).toBe(1);
    expect(w.ce.requests).toHaveLength(1);
    expect(json.total.forecast).toBeGreaterThan(json.monthToDate);
  });

  it.each([
    ['denied', 'AccessDeniedException', 1, /AccessDeniedException|denied/],
    ['throttled beyond retries', 'ThrottlingException', 5, /Rate exceeded|Throttling/],
  ])(
    'still sends the spikes without drivers when the drivers request is %s, and says why, exit 0',
    { timeout: 60_000 },
    async (_name, type, times, why) => {
      w.ce.failNext(type, times, undefined, { groupBy: 'USAGE_TYPE' });

      const { code, json, stderr } = await w.run(DAY, await w.config());

      expect(code).toBe(0);
      expect(spike(json, EC2).drivers).toEqual([]);
      expect(json.warnings).toEqual([expect.stringMatching(/^drivers: the usage-type request failed, spikes are sent without drivers/)]);
      expect(json.warnings[0]).toMatch(why);
      expect(stderr).toMatch(/drivers: the usage-type request failed/);
      // Every request counts, the SDK's retries of the throttled one included.
      expect(json.costExplorerRequests).toBe(1 + times);
      expect(json.costExplorerRequests).toBe(w.ce.requests.length);
      expect(w.slack.messages).toHaveLength(1);
      expect(w.slack.messages[0]!.text).not.toContain('driven by');
      expect(json.deliveries.every((d: { status: string }) => d.status === 'sent')).toBe(true);
    },
  );
});
