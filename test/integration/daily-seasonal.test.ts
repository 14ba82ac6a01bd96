import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { realisticScenario, type RealisticRecord } from '../../emulators/scenarios/realistic/index.js';
import { startDailyWorld, type DailyWorld } from '../support/daily-world.js';

type Spike = {
  date: string;
  scope: string;
  key: string;
  severity: string;
  previous: number;
  expected?: number;
  baseline?: string;
  episodeStart?: string | null;
  account?: string | null;
};

const QUIET = realisticScenario({ anomalies: false });
const DYNAMO = 'Amazon DynamoDB';
/** DynamoDB rises 40 % from 2026-11-10 and to 2.5 times from 2026-11-12: one episode, one escalation. */
const rising = (records: readonly RealisticRecord[]) =>
  records.map((r) => {
    if (r.service !== DYNAMO || r.recordType !== 'Usage' || r.date < '2026-11-10') return r;
    return { ...r, amount: r.amount * (r.date < '2026-11-12' ? 1.4 : 2.5) };
  });
const usageSpikes = (spikes: Spike[]) => spikes.filter((s) => s.scope !== 'charges');

let w: DailyWorld;
let org: SeededOrganization;
beforeAll(async () => {
  w = await startDailyWorld();
  org = await seedOrganization({ clientConfig: w.aws.clientConfig, members: ['Data'] });
}, 60_000);
afterAll(() => w?.stop());
beforeEach(() => {
  w.ce.resetRequests();
  w.slack.reset();
});

describe('daily-spend with expected spend (seasonal)', () => {
  it('does not alert a Monday after a quiet weekend, where previous-day does, in one request', async () => {
    w.ce.setDataset(QUIET.records, { anomalies: [] });
    const seasonal = await w.run('2026-11-16', await w.config({ dailySpend: { baseline: 'seasonal', recheckDays: 0 } }), ['--dry-run']);
    const previousDay = await w.run('2026-11-16', await w.config({ dailySpend: { recheckDays: 0 } }), ['--dry-run']);

    expect(seasonal.code, seasonal.stderr).toBe(0);
    expect(seasonal.json.baseline).toBe('seasonal');
    expect(usageSpikes(seasonal.json.spikes)).toEqual([]);
    expect(seasonal.json.costExplorerRequests).toBe(1);
    expect(seasonal.json.total.previous).toBeGreaterThan(seasonal.json.total.amount * 0.8);
    expect(usageSpikes(previousDay.json.spikes).length).toBeGreaterThan(0);
  });

  it('reads the whole history in one query grouped by service and record type', async () => {
    w.ce.setDataset(QUIET.records, { anomalies: [] });
    await w.run('2026-11-16', await w.config({ dailySpend: { baseline: 'seasonal' } }), ['--dry-run']);

    expect(w.ce.requests).toHaveLength(1);
    const body = w.ce.requests[0]!.body as { TimePeriod: { Start: string }; GroupBy: Array<{ Key: string }> };
    expect(body.TimePeriod.Start).toBe('2026-08-22'); // 87 days ending on the judged day
    expect(body.GroupBy.map((g) => g.Key)).toEqual(['SERVICE', 'RECORD_TYPE']);
  });

  it('never judges fees posted on the 1st day over day, and alerts a rise of charges month over month once', async () => {
    const taxUp = QUIET.records.map((r) => (r.recordType === 'Tax' && r.date === '2026-11-01' ? { ...r, amount: r.amount * 1.6 } : r));
    w.ce.setDataset(taxUp, { anomalies: [] });
    const file = await w.config({ dailySpend: { baseline: 'seasonal' } });

    const first = await w.run('2026-11-01', file);
    const next = await w.run('2026-11-02', file);

    expect(first.code, first.stderr).toBe(0);
    expect(usageSpikes(first.json.spikes).filter((s) => s.date === '2026-11-01')).toEqual([]);
    expect(first.json.spikes.filter((s: Spike) => s.scope === 'charges').map((s: Spike) => s.key)).toEqual(['Tax']);
    expect(w.slack.messages.filter((m) => JSON.stringify(m).includes('Tax this month')).length).toBe(1);
    expect(next.json.deliveries.filter((d: { status: string }) => d.status === 'sent')).toEqual([]);
    expect(w.slack.messages).toHaveLength(1);
  });

  it('alerts a sustained rise once per episode, again when its severity rises, with what was expected', async () => {
    w.ce.setDataset(rising(QUIET.records), { anomalies: [] });
    const file = await w.config({ dailySpend: { baseline: 'seasonal' } });

    const start = await w.run('2026-11-10', file);
    const dayAfter = await w.run('2026-11-11', file);
    const worse = await w.run('2026-11-12', file);

    const dynamo = (r: { json: { spikes: Spike[] } }) => r.json.spikes.filter((s) => s.key === DYNAMO);
    expect(dynamo(start)).toMatchObject([{ date: '2026-11-10', severity: 'warning', baseline: 'seasonal', episodeStart: '2026-11-10' }]);
    const spike = dynamo(start)[0]!;
    expect(spike.expected).toBe(spike.previous);
    expect(start.json.costExplorerRequests).toBeLessThanOrEqual(2);
    expect(dynamo(dayAfter)).toMatchObject([{ date: '2026-11-10', severity: 'warning' }]);
    expect(dayAfter.json.deliveries.filter((d: { status: string }) => d.status === 'sent')).toEqual([]);
    expect(dynamo(worse).find((s) => s.date === '2026-11-12')).toMatchObject({ severity: 'critical', episodeStart: '2026-11-10' });
    expect(w.slack.messages).toHaveLength(2);
    expect(JSON.stringify(w.slack.messages[0])).toMatch(/expected for a Tuesday/);
    // The Slack field is labelled Expected: its value does not say it again.
    expect(JSON.stringify(w.slack.messages[0]!.blocks)).toMatch(/\*Expected\*\\nabout \$[\d,]+ for a Tuesday/);
  });

  it('makes at most 2 requests in an organization without anomalies: usage daily, charges monthly', async () => {
    const records = QUIET.records.map((r) => ({ ...r, account: org.members[0]!.id }));
    w.ce.setDataset(records, { anomalies: [] });
    const file = await w.config({ organization: { accounts: 'all' }, dailySpend: { baseline: 'seasonal', recheckDays: 0 } });

    const { code, json, stderr } = await w.run('2026-11-16', file, ['--dry-run']);

    expect(code, stderr).toBe(0);
    expect(json.costExplorerRequests).toBe(2);
    expect(usageSpikes(json.spikes)).toEqual([]);
    const groupBys = w.ce.requests.map((r) => (r.body as { GroupBy: Array<{ Key: string }> }).GroupBy.map((g) => g.Key).join(','));
    expect(groupBys).toEqual(['LINKED_ACCOUNT,SERVICE', 'LINKED_ACCOUNT,RECORD_TYPE']);
  });
});
