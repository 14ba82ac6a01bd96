import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../shared/concurrency.js';
import type { DeliveryTarget } from '../../shared/alerts/alert.js';
import type { AlertLedger, ClaimOutcome, MarkOutcome } from '../../shared/ledger/ledger.js';
import { dispatch, undelivered, unrecorded } from '../../shared/notify/dispatch.js';
import { NO_MUTES } from '../../shared/ledger/mutes.js';
import type { Alert, AlertSubject } from '../../shared/alerts/alert.js';
import type { Channel } from '../../shared/notify/types.js';

/** An in-memory ledger with the DynamoDB ledger's rules: failed claims can be retaken, sent and pending ones cannot. */
class MemoryLedger implements AlertLedger {
  readonly state = new Map<string, 'pending' | 'sent' | 'failed'>();
  claims = 0;
  async delivered(ids: readonly string[], t: DeliveryTarget): Promise<Set<string>> {
    return new Set(ids.filter((id) => this.state.get(`${id}#${t.channel}`) === 'sent'));
  }
  async claim(id: string, t: DeliveryTarget): Promise<ClaimOutcome> {
    this.claims++;
    const s = this.state.get(`${id}#${t.channel}`);
    if (s === 'sent') return { status: 'sent' };
    if (s === 'pending') return { status: 'in-progress' };
    this.state.set(`${id}#${t.channel}`, 'pending');
    return { status: 'claimed' };
  }
  async markSent(id: string, t: DeliveryTarget): Promise<MarkOutcome> {
    this.state.set(`${id}#${t.channel}`, 'sent');
    return { recorded: true };
  }
  async markFailed(id: string, t: DeliveryTarget): Promise<MarkOutcome> {
    this.state.set(`${id}#${t.channel}`, 'failed');
    return { recorded: true };
  }
}

function channel(name: 'slack' | 'sns', opts: { fail?: () => boolean; accepts?: (a: Alert) => boolean } = {}) {
  const sent: string[][] = [];
  const ch: Channel<Alert> = {
    name,
    accepts: opts.accepts,
    async send(alerts) {
      if (opts.fail?.()) throw new Error(`${name} is down`);
      sent.push(alerts.map((a) => a.alertId));
    },
  };
  return { ch, sent };
}

const subject: AlertSubject = { job: 'budgets', scope: 'budget', key: 'team-a', account: null };

const alerts: Alert[] = [
  { alertId: 'a', severity: 'info', subject },
  { alertId: 'b', severity: 'critical', subject },
];

describe('dispatch', () => {
  it('sends every new alert in one message per channel', async () => {
    const slack = channel('slack');
    const sns = channel('sns');

    const deliveries = await dispatch({ alerts, channels: [slack.ch, sns.ch], ledger: new MemoryLedger(), mutes: NO_MUTES, dryRun: false });

    expect(slack.sent).toEqual([['a', 'b']]);
    expect(sns.sent).toEqual([['a', 'b']]);
    expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
  });

  it('keeps delivering to SNS when Slack fails, and re-sends only Slack next time', async () => {
    const ledger = new MemoryLedger();
    let slackDown = true;
    const slack = channel('slack', { fail: () => slackDown });
    const sns = channel('sns');

    const first = await dispatch({ alerts, channels: [slack.ch, sns.ch], ledger, mutes: NO_MUTES, dryRun: false });
    slackDown = false;
    const second = await dispatch({ alerts, channels: [slack.ch, sns.ch], ledger, mutes: NO_MUTES, dryRun: false });

    expect(first.filter((d) => d.channel === 'slack').map((d) => [d.status, d.error])).toEqual([
      ['failed', 'slack is down'],
      ['failed', 'slack is down'],
    ]);
    expect(sns.sent).toEqual([['a', 'b']]);
    expect(slack.sent).toEqual([['a', 'b']]);
    expect(second.filter((d) => d.channel === 'sns').map((d) => d.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('skips the claim write for alerts the ledger already shows as delivered', async () => {
    const ledger = new MemoryLedger();
    const slack = channel('slack');
    await dispatch({ alerts, channels: [slack.ch], ledger, mutes: NO_MUTES, dryRun: false });
    const claimsAfterFirst = ledger.claims;

    const again = await dispatch({ alerts, channels: [slack.ch], ledger, mutes: NO_MUTES, dryRun: false });

    expect(again.map((d) => d.status)).toEqual(['duplicate', 'duplicate']);
    expect(ledger.claims).toBe(claimsAfterFirst);
    expect(slack.sent).toHaveLength(1);
  });

  it('records the alerts a delivered one covers, only where the channel would carry them, without sending them', async () => {
    const ledger = new MemoryLedger();
    const slack = channel('slack');
    const sns = channel('sns', { accepts: (a) => a.severity !== 'info' });
    const top: Alert = {
      alertId: 'budget-90',
      severity: 'critical',
      subject,
      covers: [
        { alertId: 'budget-50', severity: 'info', subject },
        { alertId: 'budget-75', severity: 'warning', subject },
      ],
    };

    await dispatch({ alerts: [top], channels: [slack.ch, sns.ch], ledger, mutes: NO_MUTES, dryRun: false });
    const later = await dispatch({
      alerts: [{ alertId: 'budget-75', severity: 'warning', subject }],
      channels: [slack.ch, sns.ch],
      ledger,
      mutes: NO_MUTES,
      dryRun: false,
    });

    expect(slack.sent).toEqual([['budget-90']]);
    expect(sns.sent).toEqual([['budget-90']]);
    expect([...ledger.state.keys()].sort()).toEqual([
      'budget-50#slack',
      'budget-75#slack',
      'budget-75#sns',
      'budget-90#slack',
      'budget-90#sns',
    ]);
    expect(later.map((d) => d.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('does not record covered alerts when the covering one failed to send', async () => {
    const ledger = new MemoryLedger();
    const slack = channel('slack', { fail: () => true });

    await dispatch({
      alerts: [{ alertId: 'top', severity: 'critical', subject, covers: [{ alertId: 'low', severity: 'info', subject }] }],
      channels: [slack.ch],
      ledger,
      mutes: NO_MUTES,
      dryRun: false,
    });

    expect(ledger.state.get('low#slack')).toBeUndefined();
    expect(ledger.state.get('top#slack')).toBe('failed');
  });

  it('routes only the alerts a channel accepts', async () => {
    const sns = channel('sns', { accepts: (a) => a.severity !== 'info' });

    const deliveries = await dispatch({ alerts, channels: [sns.ch], ledger: new MemoryLedger(), mutes: NO_MUTES, dryRun: false });

    expect(sns.sent).toEqual([['b']]);
    expect(deliveries).toEqual([{ channel: 'sns', alertId: 'b', status: 'sent' }]);
  });

  it('touches neither the ledger nor the channels in a dry run', async () => {
    const ledger = new MemoryLedger();
    const slack = channel('slack');

    const deliveries = await dispatch({ alerts, channels: [slack.ch], ledger, mutes: NO_MUTES, dryRun: true });

    expect(deliveries.map((d) => d.status)).toEqual(['dry-run', 'dry-run']);
    expect(slack.sent).toEqual([]);
    expect(ledger.state.size).toBe(0);
  });

  it('reports a claim another run holds as in-progress, claims nothing else for that channel, and sends nothing', async () => {
    const ledger = new MemoryLedger();
    ledger.state.set('a#slack', 'pending');
    const slack = channel('slack');
    const sns = channel('sns');

    const deliveries = await dispatch({ alerts, channels: [slack.ch, sns.ch], ledger, mutes: NO_MUTES, dryRun: false });

    expect(deliveries.filter((d) => d.channel === 'slack').map((d) => d.status)).toEqual(['in-progress', 'in-progress']);
    expect(ledger.state.get('b#slack')).toBeUndefined();
    expect(slack.sent).toEqual([]);
    expect(sns.sent).toEqual([['a', 'b']]);
    expect(undelivered(deliveries)).toHaveLength(2);
  });

  it('reports sent-but-unrecorded when marking fails, and a failed claim as failed without sending it', async () => {
    const ledger = new MemoryLedger();
    ledger.markSent = async () => ({ recorded: false, error: 'InternalServerError: injected' });
    const realClaim = ledger.claim.bind(ledger);
    ledger.claim = async (id, t) => {
      if (id === 'b') throw new Error('ProvisionedThroughputExceededException: slow down');
      return realClaim(id, t);
    };
    const slack = channel('slack');

    const deliveries = await dispatch({ alerts, channels: [slack.ch], ledger, mutes: NO_MUTES, dryRun: false });

    expect(slack.sent).toEqual([['a']]);
    expect(deliveries).toEqual([
      {
        channel: 'slack',
        alertId: 'a',
        status: 'sent',
        recorded: false,
        error: 'sent, but the ledger could not record it: InternalServerError: injected',
      },
      {
        channel: 'slack',
        alertId: 'b',
        status: 'failed',
        error: 'not sent: the ledger claim failed: ProvisionedThroughputExceededException: slow down',
      },
    ]);
    expect(unrecorded(deliveries).map((d) => d.alertId)).toEqual(['a']);
  });
});

describe('mapLimit', () => {
  it('keeps order and never exceeds the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
