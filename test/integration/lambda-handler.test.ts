import { configFromEnv } from '../../shared/config/load.js';
import type { DailySpendResult } from '../../shared/jobs/daily-spend/job.js';
import { eventProblem } from '../../lambdas/runtime.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../../emulators/fake-slack.js';
import type { TopicWithInbox } from '../../emulators/fixtures.js';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { startWorld, type World } from '../support/world.js';

const DAY = '2026-11-20';
let world: World;
let slack: FakeSlack;
let topic: TopicWithInbox;
const saved = { ...process.env };

beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-handler-', costExplorer: true, slack: true, topic: 'handler-alerts', ledgers: ['handler-ledger'] });
  ({ slack, topic } = world);
  world.ce.setDataset(dailySpendScenario({ spikeDay: DAY }));
  // The handler reads its environment at import, as it does in a Lambda container.
  Object.assign(process.env, world.env, {
    SLACK_BOT_TOKEN: 'xoxb-lambda',
    COST_WATCH_SLACK_TIMEOUT_MS: '1000',
    COST_WATCH_CONFIG: JSON.stringify({
      dailySpend: { baseline: 'previous-day' },
      notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: topic.topicArn },
      ledgerTable: 'handler-ledger',
    }),
  });
});

afterAll(async () => {
  process.env = saved;
  await world?.stop();
});

describe('daily-spend Lambda handler', () => {
  it('fails the invocation when Slack is down so Lambda retries, and the retry sends only Slack', async () => {
    const { handler } = await import('../../lambdas/daily-spend/handler.js');
    slack.down();

    await expect(handler({ date: DAY })).rejects.toThrow(/deliveries failed.*the retry sends only those/);
    expect(await topic.receive()).toHaveLength(1);

    slack.up();
    const retried = (await handler({ date: DAY })) as DailySpendResult;

    expect(slack.messages).toHaveLength(1);
    expect(await topic.receive()).toHaveLength(0);
    expect(retried.deliveries.filter((d) => d.channel === 'sns').every((d) => d.status === 'duplicate')).toBe(true);
  });

  it('answers a malformed manual event with one line naming the field, without throwing (a retry cannot help)', async () => {
    const { handler } = await import('../../lambdas/daily-spend/handler.js');
    const before = slack.attempts;

    expect(await handler({ date: '2026-02-30' })).toEqual({ error: 'invalid event: date: expected a real calendar date as YYYY-MM-DD' });
    expect(await handler({ date: 20261120 })).toEqual({ error: 'invalid event: date: expected a string YYYY-MM-DD' });
    expect(await handler({ date: '2999-01-01' })).toEqual({
      error: expect.stringMatching(/^invalid event: date: 2999-01-01 is not complete yet; the latest complete day is /),
    });
    expect(slack.attempts).toBe(before);
  });

  it('refuses the current month without allowPartial, as the CLI does', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(eventProblem({ month: '2026-11' }, now)).toEqual({
      problem: 'month: 2026-11 is not finished yet: add "allowPartial": true to report it anyway',
    });
    expect(eventProblem({ month: '2026-11', allowPartial: true }, now)).toEqual({ input: { month: '2026-11', allowPartial: true } });
    expect(eventProblem({ month: '0000-01' }, now)).toEqual({ problem: 'month: expected a calendar month as YYYY-MM' });
  });

  it('fails loudly without COST_WATCH_CONFIG instead of running on defaults', () => {
    expect(() => configFromEnv({})).toThrow(/COST_WATCH_CONFIG is not set/);
  });

  it('accepts the scheduled EventBridge event as it arrives', async () => {
    const { handler } = await import('../../lambdas/daily-spend/handler.js');
    const scheduled = {
      version: '0',
      id: 'x',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: `${DAY}T10:00:00Z`,
      detail: {},
    };

    const result = (await handler({ ...scheduled, dryRun: true })) as DailySpendResult;

    expect(result.job).toBe('daily-spend');
    expect(result.deliveries.every((d) => d.status === 'dry-run')).toBe(true);
  });
});
