import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Median time to import a built handler in fresh Node processes, as a cold
 * Lambda pays it. The handler reads COST_WATCH_CONFIG at import (and refuses
 * to start without it), so each process gets a minimal one.
 */
export function importTimeMs(root: string, file: string, runs = 7): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  const env = { ...process.env, NODE_PATH: join(root, 'node_modules'), COST_WATCH_CONFIG: '{}' };
  const times = Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env })),
  ).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}
