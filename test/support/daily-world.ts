import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli.js';
import { startWorld, type World } from './world.js';

/** A world with the Cost Explorer double, a fake Slack and an alert topic, and a CLI runner for daily-spend. */
export interface DailyWorld extends World {
  /** A config file with Slack, SNS and a new ledger table, plus `extra` keys. */
  config(extra?: Record<string, unknown>): Promise<string>;
  run(
    date: string,
    file: string,
    extra?: string[],
    env?: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string; json: any }>;
}

export async function startDailyWorld(): Promise<DailyWorld> {
  const world = await startWorld({ tmp: 'cw-daily-world-', costExplorer: true, slack: true, topic: 'cost-watch-alerts' });
  let n = 0;
  return Object.assign(world, {
    async config(extra: Record<string, unknown> = {}) {
      const table = `ledger-${++n}`;
      await world.newLedger(table);
      const file = join(world.dir, `config-${n}.json`);
      // The scenarios these tests load are a few weeks long, written for the previous-day rule; seasonal tests say so.
      const dailySpend = { baseline: 'previous-day', ...(extra.dailySpend as object | undefined) };
      writeFileSync(
        file,
        JSON.stringify({
          notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: world.topic.topicArn },
          ledgerTable: table,
          ...extra,
          dailySpend,
        }),
      );
      return file;
    },
    async run(date: string, file: string, extra: string[] = [], env: Record<string, string> = {}) {
      const args = ['run', 'daily-spend', '--date', date, '--config', file, '--json', ...extra];
      const result = await runCli(args, { env: { ...world.env, ...env }, timeoutMs: 60_000 });
      return { ...result, json: result.stdout ? JSON.parse(result.stdout) : undefined };
    },
  });
}
