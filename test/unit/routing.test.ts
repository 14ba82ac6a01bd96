import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/load.js';
import { channelDeps, createContext } from '../../shared/jobs/common/context.js';
import { silentLogger } from '../../shared/log.js';
import { dispatch } from '../../shared/notify/dispatch.js';
import { NO_MUTES } from '../../shared/ledger/mutes.js';
import { alertChannels, destinationsOf } from '../../shared/notify/routing.js';
import type { Alert } from '../../shared/alerts/alert.js';
import type { DeliveryTarget } from '../../shared/alerts/alert.js';
import type { AlertLedger, ClaimOutcome, MarkOutcome } from '../../shared/ledger/ledger.js';

const DATA = '111111111111';
const WEB = '222222222222';
const OTHER = '333333333333';
const topic = (name: string) => `arn:aws:sns:us-east-1:123456789012:${name}`;

const notify = (routes: unknown[]) =>
  parseConfig({ notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: topic('default'), routes } }).notify;

describe('destinationsOf (contract "Routing")', () => {
  const routes = [
    { accounts: [DATA], slack: { channel: '#team-data' }, alertTopicArn: topic('data') },
    { accounts: [DATA, WEB], slack: { channel: '#platform' } },
    { accounts: [WEB], alertTopicArn: topic('web'), continue: true },
  ];

  it('sends an account to the first route listing it, and nowhere else', () => {
    expect(destinationsOf(DATA, notify(routes))).toEqual({ slack: ['#team-data'], topics: [topic('data')] });
  });

  it('goes on past a route with continue, to the next match, and stops there', () => {
    expect(destinationsOf(WEB, notify([routes[2], routes[1]]))).toEqual({ slack: ['#platform'], topics: [topic('web')] });
  });

  it('reaches the defaults only when every matched route had continue', () => {
    expect(destinationsOf(WEB, notify([routes[2]]))).toEqual({ slack: ['#cost-alerts'], topics: [topic('web'), topic('default')] });
  });

  it('sends unmatched accounts and alerts without an account to the defaults', () => {
    const defaults = { slack: ['#cost-alerts'], topics: [topic('default')] };
    expect(destinationsOf(OTHER, notify(routes))).toEqual(defaults);
    expect(destinationsOf(null, notify(routes))).toEqual(defaults);
  });

  it('has no default destination when notify has none (a config the schema refuses)', () => {
    const { slack: _slack, alertTopicArn: _topic, ...bare } = notify([routes[0]]);
    expect(destinationsOf(OTHER, bare)).toEqual({ slack: [], topics: [] });
    expect(destinationsOf(DATA, bare)).toEqual({ slack: ['#team-data'], topics: [topic('data')] });
  });
});

/** Keys as the pre-hash ledger wrote them, `id#channel` or `id#channel|destination`, so tests can read them. */
const k = (id: string, t: DeliveryTarget) => `${id}#${t.destination ? `${t.channel}|${t.destination}` : t.channel}`;

class MemoryLedger implements AlertLedger {
  readonly keys = new Map<string, string>();
  async delivered(ids: readonly string[], t: DeliveryTarget) {
    return new Set(ids.filter((id) => this.keys.get(k(id, t)) === 'sent'));
  }
  async claim(id: string, t: DeliveryTarget): Promise<ClaimOutcome> {
    const s = this.keys.get(k(id, t));
    if (s) return s === 'sent' ? { status: 'sent' } : { status: 'in-progress' };
    this.keys.set(k(id, t), 'pending');
    return { status: 'claimed' };
  }
  async markSent(id: string, t: DeliveryTarget): Promise<MarkOutcome> {
    this.keys.set(k(id, t), 'sent');
    return { recorded: true };
  }
  async markFailed(id: string, t: DeliveryTarget): Promise<MarkOutcome> {
    this.keys.delete(k(id, t));
    return { recorded: true };
  }
}

const alert = (id: string, account: string | null, severity = 'warning'): Alert => ({
  alertId: id,
  severity,
  subject: { job: 'budgets', scope: 'budget', key: id, account },
});

describe('alertChannels', () => {
  const config = parseConfig({
    notify: {
      slack: { channel: '#cost-alerts' },
      alertTopicArn: topic('default'),
      routes: [
        { accounts: [DATA], slack: { channel: '#team-data' }, alertTopicArn: topic('data') },
        { accounts: [WEB], slack: { channel: '#team-web' }, continue: true },
      ],
    },
  });
  const ctx = createContext({ config, log: silentLogger, aws: new AwsClients(process.env, ALL_CLIENTS), dryRun: true });

  it('makes one channel per destination, each taking only the alerts routed to it', () => {
    const channels = alertChannels<Alert>(channelDeps(ctx), {
      slack: () => ({ text: '', blocks: [] }),
      sns: () => ({ subject: '', body: '', attributes: { job: '', severity: '' } }),
    });
    expect(channels.map((c) => [c.name, c.destination, c.routed])).toEqual([
      ['slack', '#cost-alerts', false],
      ['slack', '#team-data', true],
      ['slack', '#team-web', true],
      ['sns', topic('default'), false],
      ['sns', topic('data'), true],
    ]);
    const alerts = [alert('d', DATA), alert('w', WEB), alert('o', OTHER), alert('t', null)];
    const taken = Object.fromEntries(channels.map((c) => [c.destination, alerts.filter((a) => c.accepts!(a)).map((a) => a.alertId)]));
    expect(taken).toEqual({
      '#cost-alerts': ['w', 'o', 't'],
      '#team-data': ['d'],
      '#team-web': ['w'],
      [topic('default')]: ['w', 'o', 't'],
      [topic('data')]: ['d'],
    });
  });

  it("applies a job's own channel rules before routing", () => {
    const channels = alertChannels<Alert>(channelDeps(ctx), {
      slack: () => ({ text: '', blocks: [] }),
      sns: () => ({ subject: '', body: '', attributes: { job: '', severity: '' } }),
      accepts: { sns: (a) => a.severity !== 'info' },
    });
    const dataTopic = channels.find((c) => c.destination === topic('data'))!;
    expect(dataTopic.accepts!(alert('x', DATA, 'info'))).toBe(false);
    expect(dataTopic.accepts!(alert('x', DATA, 'critical'))).toBe(true);
  });

  it('sends one message per destination, names it on each delivery, and never twice per (alert, channel, destination)', async () => {
    const sent: Array<[string, string[]]> = [];
    const channels = alertChannels<Alert>(channelDeps(ctx), {
      slack: () => ({ text: '', blocks: [] }),
      sns: () => ({ subject: '', body: '', attributes: { job: '', severity: '' } }),
    }).map((c) => ({
      ...c,
      send: async (alerts: readonly Alert[]) => void sent.push([c.destination!, alerts.map((a) => a.alertId)]),
    }));
    const ledger = new MemoryLedger();
    const alerts = [alert('d1', DATA), alert('d2', DATA), alert('w', WEB)];
    const first = await dispatch({ alerts, channels, ledger, mutes: NO_MUTES, dryRun: false });
    expect(sent.sort()).toEqual([
      ['#cost-alerts', ['w']],
      ['#team-data', ['d1', 'd2']],
      ['#team-web', ['w']],
      [topic('data'), ['d1', 'd2']],
      [topic('default'), ['w']],
    ]);
    expect(first).toContainEqual({ channel: 'slack', alertId: 'w', destination: '#team-web', status: 'sent' });
    expect(first).toContainEqual({ channel: 'sns', alertId: 'd1', destination: topic('data'), status: 'sent' });
    expect(first).toHaveLength(7);

    sent.length = 0;
    const again = await dispatch({ alerts, channels, ledger, mutes: NO_MUTES, dryRun: false });
    expect(sent).toEqual([]);
    expect(again.every((d) => d.status === 'duplicate')).toBe(true);
  });
});
