import { describe, expect, it } from 'vitest';
import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { parseConfig } from '../../shared/config/load.js';
import { channelDeps, createContext } from '../../shared/jobs/common/context.js';
import { silentLogger } from '../../shared/log.js';
import { dispatch } from '../../shared/notify/dispatch.js';
import { NO_MUTES } from '../../shared/ledger/mutes.js';
import { alertChannels, destinationsFor, type Owners } from '../../shared/notify/routing.js';
import type { Alert, DeliveryTarget } from '../../shared/alerts/alert.js';
import type { AlertLedger, ClaimOutcome, MarkOutcome } from '../../shared/ledger/ledger.js';

const SHARED = '111111111111';
const OTHER = '222222222222';
const topic = (name: string) => `arn:aws:sns:us-east-1:123456789012:${name}`;

type Owned = Alert & { readonly team: string | null };
const alert = (id: string, account: string | null, team: string | null): Owned => ({
  alertId: id,
  severity: 'warning',
  subject: { job: 'idle-resources', scope: 'instance', key: id, account },
  team,
});

const config = parseConfig({
  notify: {
    slack: { channel: '#cost-alerts' },
    alertTopicArn: topic('default'),
    routes: [{ accounts: [SHARED], slack: { channel: '#shared-account' } }],
  },
});
const owners: Owners<Owned> = {
  teams: {
    data: { slack: { channel: '#team-data' }, alertTopicArn: topic('data') },
    web: { alertTopicArn: topic('web') },
  },
  teamOf: (a) => a.team,
};
const ctx = createContext({ config, log: silentLogger, aws: new AwsClients(process.env, ALL_CLIENTS), dryRun: true });
const render = { slack: () => ({ text: '', blocks: [] }), sns: () => ({ subject: '', body: '', attributes: { job: '', severity: '' } }) };

class MemoryLedger implements AlertLedger {
  readonly keys = new Map<string, string>();
  private k = (id: string, t: DeliveryTarget) => `${id}#${t.channel}|${t.destination ?? ''}`;
  async delivered(ids: readonly string[], t: DeliveryTarget) {
    return new Set(ids.filter((id) => this.keys.get(this.k(id, t)) === 'sent'));
  }
  async claim(id: string, t: DeliveryTarget): Promise<ClaimOutcome> {
    if (this.keys.has(this.k(id, t))) return { status: 'sent' };
    this.keys.set(this.k(id, t), 'pending');
    return { status: 'claimed' };
  }
  async markSent(id: string, t: DeliveryTarget): Promise<MarkOutcome> {
    this.keys.set(this.k(id, t), 'sent');
    return { recorded: true };
  }
  async markFailed(id: string, t: DeliveryTarget): Promise<MarkOutcome> {
    this.keys.delete(this.k(id, t));
    return { recorded: true };
  }
}

describe('routing by owner (ownership.teams)', () => {
  it("sends a listed team's alert to that team only, before the account's route", () => {
    expect(destinationsFor(SHARED, 'data', config.notify, owners)).toEqual({ slack: ['#team-data'], topics: [topic('data')] });
    expect(destinationsFor(SHARED, 'web', config.notify, owners)).toEqual({ slack: [], topics: [topic('web')] });
  });

  it('routes by account a team value no team lists, and an alert with no team', () => {
    expect(destinationsFor(SHARED, 'ml', config.notify, owners)).toEqual({ slack: ['#shared-account'], topics: [] });
    expect(destinationsFor(OTHER, null, config.notify, owners)).toEqual({ slack: ['#cost-alerts'], topics: [topic('default')] });
  });

  it('never takes a tag value such as "constructor" for a team', () => {
    for (const value of ['constructor', '__proto__', 'toString'])
      expect(destinationsFor(OTHER, value, config.notify, owners)).toEqual({ slack: ['#cost-alerts'], topics: [topic('default')] });
  });

  it("adds each team's Slack channel and topic as channels keyed by destination, taking only its team's alerts", () => {
    const channels = alertChannels<Owned>(channelDeps(ctx), { ...render, owners });
    expect(channels.map((c) => [c.name, c.destination, c.routed])).toEqual([
      ['slack', '#cost-alerts', false],
      ['slack', '#shared-account', true],
      ['slack', '#team-data', true],
      ['sns', topic('default'), false],
      ['sns', topic('data'), true],
      ['sns', topic('web'), true],
    ]);
    const alerts = [alert('d', SHARED, 'data'), alert('w', SHARED, 'web'), alert('s', SHARED, null), alert('o', OTHER, 'ml')];
    const taken = Object.fromEntries(channels.map((c) => [c.destination, alerts.filter((a) => c.accepts!(a)).map((a) => a.alertId)]));
    expect(taken).toEqual({
      '#cost-alerts': ['o'],
      '#shared-account': ['s'],
      '#team-data': ['d'],
      [topic('default')]: ['o'],
      [topic('data')]: ['d'],
      [topic('web')]: ['w'],
    });
  });

  it('delivers a team with both Slack and a topic once on each, and a re-run sends nothing again', async () => {
    const sent: Array<[string, string[]]> = [];
    const channels = alertChannels<Owned>(channelDeps(ctx), { ...render, owners }).map((c) => ({
      ...c,
      send: async (alerts: readonly Alert[]) => void sent.push([c.destination!, alerts.map((a) => a.alertId)]),
    }));
    const ledger = new MemoryLedger();
    const alerts = [alert('d', SHARED, 'data'), alert('s', SHARED, null)];
    const first = await dispatch({ alerts, channels, ledger, mutes: NO_MUTES, dryRun: false });
    expect(sent.sort()).toEqual([
      ['#shared-account', ['s']],
      ['#team-data', ['d']],
      [topic('data'), ['d']],
    ]);
    expect(first).toContainEqual({ channel: 'slack', alertId: 'd', destination: '#team-data', status: 'sent' });
    expect(first).toContainEqual({ channel: 'sns', alertId: 'd', destination: topic('data'), status: 'sent' });
    expect([...ledger.keys.keys()].sort()).toEqual(['d#slack|#team-data', `d#sns|${topic('data')}`, 's#slack|#shared-account']);

    sent.length = 0;
    const again = await dispatch({ alerts, channels, ledger, mutes: NO_MUTES, dryRun: false });
    expect(sent).toEqual([]);
    expect(again.map((d) => d.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it("tells each destination which teams' alerts it carries", () => {
    const seen: Record<string, readonly string[] | undefined> = {};
    const channels = alertChannels<Owned>(
      { ...channelDeps(ctx), preview: () => undefined },
      {
        slack: (_a, to) => ((seen[to.destination] = to.teams), render.slack()),
        sns: (_a, to) => ((seen[to.destination] = to.teams), render.sns()),
        owners,
      },
    );
    for (const c of channels) c.preview?.([alert('x', OTHER, null)]);
    expect(seen).toMatchObject({ '#team-data': ['data'], [topic('web')]: ['web'], '#cost-alerts': [], '#shared-account': [] });
  });
});
