import { ALL_CLIENTS } from '../../../shared/aws/all-clients.js';
import { startCostExplorerDouble } from '../../../emulators/cost-explorer.js';
import { startFakeSlack } from '../../../emulators/fake-slack.js';
import type { RealisticScenario } from '../../../emulators/scenarios/realistic/index.js';
import { parseConfig } from '../../../shared/config/load.js';
import { AwsClients } from '../../../shared/aws/aws-clients.js';
import { createContext } from '../../../shared/jobs/common/context.js';
import { runDailySpend } from '../../../shared/jobs/daily-spend/job.js';
import { silentLogger } from '../../../shared/log.js';
import { dayRange, type IsoDate } from '../../../shared/time/dates.js';
import { MemoryLedger } from './memory-ledger.js';
import type { ReplayResult, SentAlert } from './replay.js';

export interface LiveRun extends ReplayResult {
  /** Wall time of the last run (query, model, messages), in ms. */
  readonly lastRunMs: number;
}

/**
 * The real daily-spend job, in process, against the Cost Explorer double loaded with the scenario,
 * once per day from `from` to `to` as the schedule runs it, with an in-memory ledger and a fake
 * Slack: what on-call would have received. Requests per run come from the results.
 */
export async function replayLive(scenario: RealisticScenario, baseline: string, from: IsoDate, to: IsoDate): Promise<LiveRun> {
  process.env.AWS_ACCESS_KEY_ID ??= 'bench';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';
  process.env.AWS_REGION ??= 'us-east-1';
  const [ce, slack] = await Promise.all([startCostExplorerDouble(), startFakeSlack()]);
  const env = { ...process.env, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url, SLACK_API_URL: slack.url, SLACK_BOT_TOKEN: 'xoxb-bench' };
  Object.assign(process.env, { AWS_ENDPOINT_URL_COST_EXPLORER: ce.url });
  ce.setDataset(
    scenario.records.map((r) => ({ ...r })),
    { anomalies: [] },
  );
  const config = parseConfig({ dailySpend: { baseline }, notify: { slack: { channel: '#cost-alerts' } } });
  const ledger = new MemoryLedger();
  const aws = new AwsClients(process.env, ALL_CLIENTS);
  const alerts: SentAlert[] = [];
  const requests: number[] = [];
  let lastRunMs = 0;
  try {
    for (const runDate of dayRange(from, to)) {
      ce.resetRequests();
      // The schedule runs the morning after the day it evaluates.
      const now = new Date(Date.parse(`${runDate}T06:00:00Z`) + 86_400_000);
      const ctx = { ...createContext({ config, log: silentLogger, aws, env, now }), ledger };
      const started = performance.now();
      const r = await runDailySpend(ctx, { date: runDate });
      lastRunMs = performance.now() - started;
      requests.push(r.costExplorerRequests);
      const sent = new Set(r.deliveries.filter((d) => d.status === 'sent').map((d) => d.alertId));
      for (const s of r.spikes) {
        if (!sent.has(s.alertId) || !['total', 'service', 'charges'].includes(s.scope)) continue;
        alerts.push({
          runDate,
          date: s.date,
          scope: s.scope as SentAlert['scope'],
          key: s.key,
          severity: s.severity,
          episodeStart: s.episodeStart,
        });
      }
    }
  } finally {
    await Promise.all([ce.stop(), slack.stop()]);
  }
  return { alerts, requests, lastRunMs };
}
