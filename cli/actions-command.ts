import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { loadConfig } from '../shared/config/load.js';
import { UsageError } from '../shared/errors.js';
import type { ActionRecord } from '../shared/detect/actions/types.js';
import { stderrLogger } from '../shared/log.js';
import type { CliIo } from './io.js';
import { ledgerTableOf } from './ledger-table.js';

export const ACTIONS_HELP = `Usage:
  npx cost-watch actions [--json] [--config FILE]           budget action records, newest period first
  npx cost-watch actions undo <id> [--json] [--config FILE] restore what action record <id> changed

Statuses: planned (dry run), proposed, approved, applied, rejected, restored, failed.
--json prints { "actions": [ { id, action, budget, account, period, status, by, estimatedMonthlyEffect, resources } ] }
(undo: { "action": { … } }). Records live in the ledger table (ledgerTable in config).
Exit codes: 0 done · 2 bad usage, unknown id, or an action never applied · 1 other failure
`;

const OPTIONS = { json: { type: 'boolean' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function cliUser(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

const line = (r: ActionRecord) =>
  `${r.id}  ${r.status.padEnd(8)} ${r.action} on ${r.budget}${r.account ? ` (account ${r.account})` : ''}, period ${r.period.start}, ` +
  `${r.resources.length} resource(s), effect ${r.estimatedMonthlyEffect ?? 'not estimated'}, by ${r.by}`;

/** `actions` and `actions undo <id>`: the records in the ledger table, and undo through the same step the Undo button takes. */
export async function actionsCommand(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`actions: ${(err as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(ACTIONS_HELP);
    return 0;
  }
  const [sub, id, extra] = positionals;
  if (sub !== undefined && sub !== 'undo') throw new UsageError(`actions: unknown subcommand "${sub}": expected "undo <id>" or nothing`);
  if (sub === 'undo' && !id) throw new UsageError('actions undo: missing <id>: the record id `npx cost-watch actions` lists');
  if (extra !== undefined || (sub === undefined && id !== undefined)) throw new UsageError(`actions: unexpected argument "${extra ?? id}"`);
  const { config } = loadConfig(values.config);
  ledgerTableOf(config);
  const [{ AwsClients }, { ALL_CLIENTS }, { actionDeps }] = await Promise.all([
    import('../shared/aws/aws-clients.js'),
    import('../shared/aws/all-clients.js'),
    import('../shared/actions/deps.js'),
  ]);
  const deps = actionDeps(config, new AwsClients(env, ALL_CLIENTS), env, stderrLogger({ write: io.err }));
  if (sub === undefined) {
    const actions = await deps.records.list();
    if (values.json) io.out(`${JSON.stringify({ actions }, null, 2)}\n`);
    else io.out(actions.length ? `${actions.map(line).join('\n')}\n` : 'no budget actions\n');
    return 0;
  }
  const { undoAction } = await import('../shared/actions/steps.js');
  const out = await undoAction(id!, cliUser(), deps);
  if (out.outcome === 'refused') throw new UsageError(`actions undo: ${out.reason}`);
  if (values.json) io.out(`${JSON.stringify({ action: out.record }, null, 2)}\n`);
  else
    io.out(
      `${line(out.record)}\n${out.record.resources.map((r) => `  ${r.kind} ${r.id}: ${r.state}${r.error ? ` (${r.error})` : ''}`).join('\n')}\n`,
    );
  return out.record.status === 'restored' ? 0 : 1;
}
