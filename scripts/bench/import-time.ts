import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface ImportTimeOptions {
  /** @default 7 */
  readonly runs?: number;
  /** COST_WATCH_CONFIG of each process. @default '{}' */
  readonly config?: string;
  /** Code run before the timed import, e.g. the Lambda runtime globals a handler expects. @default none */
  readonly prelude?: string;
}

/**
 * Median time to import a built handler in fresh Node processes, as a cold
 * Lambda pays it. The handler reads COST_WATCH_CONFIG at import (and refuses
 * to start without it), so each process gets a minimal one.
 */
export function importTimeMs(root: string, file: string, options: ImportTimeOptions | number = {}): number {
  const o = typeof options === 'number' ? { runs: options } : options;
  const runs = o.runs ?? 7;
  const timed = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  const script = `${o.prelude ?? ''};${timed}`;
  const env = { ...process.env, NODE_PATH: join(root, 'node_modules'), COST_WATCH_CONFIG: o.config ?? '{}' };
  const times = Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env })),
  ).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}
