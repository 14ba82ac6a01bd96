import { startCostExplorerDouble } from '../../emulators/cost-explorer.js';
import { realisticScenario } from '../../emulators/scenarios/realistic/index.js';
import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { parseConfig } from '../../shared/config/load.js';
import { createContext } from '../../shared/jobs/common/context.js';
import { runDailySpend, type DailySpendResult } from '../../shared/jobs/daily-spend/job.js';
import { silentLogger } from '../../shared/log.js';

const line = (s: DailySpendResult['spikes'][number]) =>
  `${s.key}: $${s.amount} vs ${s.basis ?? `$${s.previous}`} (${s.severity}${s.episodeStart ? `, since ${s.episodeStart}` : ''})`;

/**
 * Expected spend on the bench's realistic bill (five months, weekday rhythm, month-start fees): a quiet
 * Monday that previous-day would have alerted, and a slow DynamoDB drift caught. Dry runs of the job, in
 * process, against a Cost Explorer double of its own.
 */
export async function showExpectedSpend(write: (t: string) => void): Promise<void> {
  const ce = await startCostExplorerDouble();
  // The double accepts any signature; the demo process itself may have no AWS credentials.
  process.env.AWS_ACCESS_KEY_ID ??= 'demo';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'demo';
  process.env.AWS_REGION ??= 'us-east-1';
  const saved = process.env.AWS_ENDPOINT_URL_COST_EXPLORER;
  process.env.AWS_ENDPOINT_URL_COST_EXPLORER = ce.url;
  const run = async (records: ReturnType<typeof realisticScenario>['records'], date: string, baseline: string) => {
    ce.setDataset(
      records.map((r) => ({ ...r })),
      { anomalies: [] },
    );
    const config = parseConfig({ dailySpend: { baseline, recheckDays: 0 } });
    const ctx = createContext({
      config,
      log: silentLogger,
      dryRun: true,
      aws: new AwsClients(process.env, ALL_CLIENTS),
      now: new Date('2026-12-05T06:00:00Z'),
    });
    return runDailySpend(ctx, { date });
  };
  try {
    write('\n== daily-spend, expected spend on a realistic bill (five months, weekday rhythm, fees on the 1st) ==\n');
    const quiet = realisticScenario({ anomalies: false }).records;
    const seasonal = await run(quiet, '2026-11-16', 'seasonal');
    const previousDay = await run(quiet, '2026-11-16', 'previous-day');
    const usage = (r: DailySpendResult) => r.spikes.filter((s) => s.scope !== 'charges');
    write(
      `Monday 2026-11-16 after a quiet weekend: seasonal sends ${usage(seasonal).length} alert(s) ` +
        `(total $${seasonal.total.amount} vs about $${Math.round(seasonal.total.previous)} expected for a Monday); ` +
        `previous-day would have sent ${usage(previousDay).length}: ${usage(previousDay)
          .map((s) => s.key)
          .join(', ')}\n`,
    );
    const drift = await run(realisticScenario().records, '2026-10-30', 'seasonal');
    for (const s of usage(drift)) write(`A slow climb caught on 2026-10-30: ${line(s)}\n`);
  } finally {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_COST_EXPLORER;
    else process.env.AWS_ENDPOINT_URL_COST_EXPLORER = saved;
    await ce.stop();
  }
}
