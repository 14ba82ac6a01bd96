import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { eventProblem } from '../../lambdas/runtime.js';
import { parseConfig } from '../../shared/config/load.js';
import { UsageError } from '../../shared/errors.js';
import { AwsClients } from '../../shared/aws/aws-clients.js';
import { createContext } from '../../shared/jobs/common/context.js';
import { runDailySpend } from '../../shared/jobs/daily-spend/job.js';
import { silentLogger } from '../../shared/log.js';

const now = new Date('2026-11-23T12:00:00Z');
const NOT_COMPLETE = (day: string) => `${day} is not complete yet; the latest complete day is 2026-11-22`;

/** The CLI in-process with the clock pinned: exit code and what it printed. */
async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), now });
  return { code, out, err };
}

describe('daily-spend refuses days Cost Explorer cannot have whole yet', () => {
  it('refuses --date today with exit 2, naming --date and the latest complete day', async () => {
    const { code, out, err } = await cli(['run', 'daily-spend', '--date', '2026-11-23', '--json']);

    expect(code).toBe(2);
    expect(err).toBe(`cost-watch: --date: ${NOT_COMPLETE('2026-11-23')}\n`);
    expect(out).toBe('');
  });

  it('refuses a future --date the same way', async () => {
    const { code, err } = await cli(['run', 'daily-spend', '--date', '2027-01-01']);

    expect(code).toBe(2);
    expect(err).toBe(`cost-watch: --date: ${NOT_COMPLETE('2027-01-01')}\n`);
  });

  it('still lets idle-resources scan today, which needs no finished day', async () => {
    const { code, err } = await cli(['run', 'idle-resources', '--date', '2026-11-24']);

    expect(code).toBe(2);
    expect(err).toMatch(/--date: expected a date no later than today \(2026-11-23 UTC\)/);
  });

  it('refuses today in a manual Lambda event, and accepts yesterday', () => {
    expect(eventProblem({ date: '2026-11-23' }, now, 'daily-spend')).toEqual({ problem: `date: ${NOT_COMPLETE('2026-11-23')}` });
    expect(eventProblem({ date: '2026-11-22' }, now, 'daily-spend')).toEqual({ input: { date: '2026-11-22' } });
    expect(eventProblem({ date: '2026-11-23' }, now, 'idle-resources')).toEqual({ input: { date: '2026-11-23' } });
  });

  it('refuses today in the job itself before asking Cost Explorer anything', async () => {
    const asked: string[] = [];
    const aws = new (class extends AwsClients {
      override costExplorer() {
        return { send: (c: unknown) => asked.push(String(c)) } as unknown as CostExplorerClient;
      }
    })(process.env, ALL_CLIENTS);
    const ctx = createContext({ config: parseConfig({}), log: silentLogger, now, aws, dryRun: true });

    await expect(runDailySpend(ctx, { date: '2026-11-23' })).rejects.toThrow(new UsageError(`--date: ${NOT_COMPLETE('2026-11-23')}`));
    expect(asked).toEqual([]);
  });
});
