import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/load.js';
import type { CostWatchConfig } from '../../shared/config/schema.js';
import { channelDeps, createContext } from '../../shared/jobs/common/context.js';
import type { DeliveryTarget } from '../../shared/alerts/alert.js';
import type { AlertLedger, ClaimOutcome, MarkOutcome } from '../../shared/ledger/ledger.js';
import { silentLogger } from '../../shared/log.js';
import { dispatch, NO_DESTINATION } from '../../shared/notify/dispatch.js';
import { NO_MUTES } from '../../shared/ledger/mutes.js';
import { alertChannels } from '../../shared/notify/routing.js';
import type { Alert } from '../../shared/alerts/alert.js';
import { deliveryVerdict } from '../../shared/notify/verdict.js';

const DATA = '111111111111';
const LATER = '999999999999';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:cost-alerts';

/** Accepts every claim; nothing is ever delivered before. */
const ledger: AlertLedger = {
  delivered: async () => new Set<string>(),
  claim: async (): Promise<ClaimOutcome> => ({ status: 'claimed' }),
  markSent: async (): Promise<MarkOutcome> => ({ recorded: true }),
  markFailed: async (_id: string, _t: DeliveryTarget): Promise<MarkOutcome> => ({ recorded: true }),
};

const alert = (id: string, account: string | null, severity = 'warning'): Alert => ({
  alertId: id,
  severity,
  subject: { job: 'budgets', scope: 'budget', key: id, account },
});

async function run(config: CostWatchConfig, alerts: Alert[], accepts?: { sns: (a: Alert) => boolean }) {
  const ctx = createContext({ config, log: silentLogger, aws: new AwsClients(process.env, ALL_CLIENTS), dryRun: false });
  const sent: string[] = [];
  const channels = alertChannels<Alert>(channelDeps(ctx), {
    slack: () => ({ text: '', blocks: [] }),
    sns: () => ({ subject: '', body: '', attributes: { job: '', severity: '' } }),
    ...(accepts ? { accepts } : {}),
  }).map((c) => ({ ...c, send: async (list: readonly Alert[]) => void sent.push(...list.map((a) => `${c.destination}:${a.alertId}`)) }));
  return { deliveries: await dispatch({ alerts, channels, ledger, mutes: NO_MUTES, dryRun: false }), sent };
}

describe('dispatch of an alert routing sends nowhere', () => {
  const routes = [{ accounts: [DATA], slack: { channel: '#team-data' } }];

  it('fails the alert (exit 3) when routes cover some accounts and no default destination exists', async () => {
    // The schema refuses this config; a config that reached a run anyway must still not lose the alert.
    const config = parseConfig({ notify: { slack: { channel: '#cost-alerts' }, routes } });
    const { slack: _slack, ...notify } = config.notify;
    const { deliveries, sent } = await run({ ...config, notify }, [alert('d', DATA), alert('later', LATER)]);

    expect(sent).toEqual(['#team-data:d']);
    expect(deliveries).toContainEqual({ channel: 'none', alertId: 'later', status: 'failed', error: NO_DESTINATION });
    expect(deliveryVerdict(deliveries).exitCode).toBe(3);
  });

  it("does not count a job's own channel rule as a lost alert: info stays off the topic", async () => {
    const { deliveries, sent } = await run(parseConfig({ notify: { alertTopicArn: TOPIC } }), [alert('i', DATA, 'info')], {
      sns: (a) => a.severity !== 'info',
    });

    expect(sent).toEqual([]);
    expect(deliveries).toEqual([]);
    expect(deliveryVerdict(deliveries).exitCode).toBe(0);
  });

  it('sends nothing and fails nothing when the config names no destination at all', async () => {
    const { deliveries } = await run(parseConfig({}), [alert('x', DATA)]);

    expect(deliveries).toEqual([]);
  });
});
