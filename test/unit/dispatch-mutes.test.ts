import { describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../shared/alerts/alert.js';
import type { AlertLedger, ClaimOutcome, MarkOutcome, SentRecord } from '../../shared/ledger/ledger.js';
import { muteKey } from '../../shared/alerts/keys.js';
import { NO_MUTES, type Mute, type MuteReader } from '../../shared/ledger/mutes.js';
import { dispatch } from '../../shared/notify/dispatch.js';
import type { Alert, AlertSubject } from '../../shared/alerts/alert.js';
import type { Channel, SendInfo } from '../../shared/notify/types.js';

class Mutes implements MuteReader {
  reads = 0;
  asked: AlertSubject[][] = [];
  constructor(private readonly muted: AlertSubject[]) {}
  async mutedAmong(subjects: readonly AlertSubject[]): Promise<Map<string, Mute>> {
    this.reads++;
    this.asked.push([...subjects]);
    const keys = new Set(this.muted.map(muteKey));
    return new Map(
      subjects.filter((s) => keys.has(muteKey(s))).map((s) => [muteKey(s), { ...s, until: '2099-01-01T00:00:00.000Z', by: 't' }]),
    );
  }
}

class Ledger implements AlertLedger {
  readonly records = new Map<string, SentRecord | undefined>();
  claimed: string[] = [];
  async delivered(): Promise<Set<string>> {
    return new Set();
  }
  async claim(id: string, t: DeliveryTarget): Promise<ClaimOutcome> {
    this.claimed.push(`${id}#${t.channel}`);
    return { status: 'claimed' };
  }
  async markSent(id: string, t: DeliveryTarget, record?: SentRecord): Promise<MarkOutcome> {
    this.records.set(`${id}#${t.channel}`, record);
    return { recorded: true };
  }
  async markFailed(): Promise<MarkOutcome> {
    return { recorded: true };
  }
}

const ec2: AlertSubject = { job: 'daily-spend', scope: 'service', key: 'Amazon EC2', account: null };
const s3: AlertSubject = { job: 'daily-spend', scope: 'service', key: 'Amazon S3', account: null };
const alerts: Alert[] = [
  // Two days of the same subject: a mute holds whatever the date.
  { alertId: 'ec2-d1', severity: 'critical', subject: ec2 },
  { alertId: 'ec2-d2', severity: 'warning', subject: ec2 },
  { alertId: 's3', severity: 'warning', subject: s3, anomalyId: 'anom-1' },
];

function channel(name: 'slack' | 'sns') {
  const sent: { ids: string[]; info?: SendInfo }[] = [];
  const ch: Channel<Alert> = {
    name,
    async send(list, info) {
      sent.push({ ids: list.map((a) => a.alertId), info });
      return name === 'slack' ? { message: { channel: 'C1', ts: '1.000001' } } : undefined;
    },
  };
  return { ch, sent };
}

describe('dispatch with mutes', () => {
  it('leaves muted alerts out of every channel, reports them as muted, and claims nothing for them', async () => {
    const mutes = new Mutes([ec2]);
    const ledger = new Ledger();
    const slack = channel('slack');
    const sns = channel('sns');

    const deliveries = await dispatch({ alerts, channels: [slack.ch, sns.ch], ledger, mutes, dryRun: false });

    expect(slack.sent).toEqual([{ ids: ['s3'], info: { muted: 2 } }]);
    expect(sns.sent).toEqual([{ ids: ['s3'], info: { muted: 2 } }]);
    expect(
      deliveries
        .filter((d) => d.status === 'muted')
        .map((d) => `${d.channel}:${d.alertId}`)
        .sort(),
    ).toEqual(['slack:ec2-d1', 'slack:ec2-d2', 'sns:ec2-d1', 'sns:ec2-d2']);
    expect(ledger.claimed.some((k) => k.startsWith('ec2'))).toBe(false);
  });

  it('reads the mutes once per run, for every subject at once', async () => {
    const mutes = new Mutes([]);
    await dispatch({ alerts, channels: [channel('slack').ch, channel('sns').ch], ledger: new Ledger(), mutes, dryRun: false });
    expect(mutes.reads).toBe(1);
    expect(mutes.asked[0]).toHaveLength(3);
  });

  it('records what a button click needs on the delivered entry: subject, message, anomaly', async () => {
    const ledger = new Ledger();
    await dispatch({ alerts, channels: [channel('slack').ch], ledger, mutes: new Mutes([]), dryRun: false });
    expect(ledger.records.get('s3#slack')).toEqual({ subject: s3, message: { channel: 'C1', ts: '1.000001' }, anomalyId: 'anom-1' });
  });

  it('shows muted, not dry-run, for a muted alert in a dry run', async () => {
    const deliveries = await dispatch({
      alerts,
      channels: [channel('slack').ch],
      ledger: new Ledger(),
      mutes: new Mutes([s3]),
      dryRun: true,
    });
    expect(deliveries.map((d) => `${d.alertId}:${d.status}`)).toEqual(['ec2-d1:dry-run', 'ec2-d2:dry-run', 's3:muted']);
  });

  it('a dry run still works when the mutes cannot be read (no table yet); a real run fails loudly', async () => {
    const broken: MuteReader = { mutedAmong: () => Promise.reject(new Error('ledger table does not exist')) };
    const dry = await dispatch({ alerts, channels: [channel('slack').ch], ledger: new Ledger(), mutes: broken, dryRun: true });
    expect(dry.map((d) => d.status)).toEqual(['dry-run', 'dry-run', 'dry-run']);
    await expect(dispatch({ alerts, channels: [channel('slack').ch], ledger: new Ledger(), mutes: broken, dryRun: false })).rejects.toThrow(
      /does not exist/,
    );
  });

  it('works without a mute store (no ledger table)', async () => {
    const slack = channel('slack');
    await dispatch({ alerts, channels: [slack.ch], ledger: new Ledger(), mutes: NO_MUTES, dryRun: false });
    expect(slack.sent[0]!.ids).toHaveLength(3);
  });
});
