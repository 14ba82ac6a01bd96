import { parseArgs } from 'node:util';
import { UsageError } from '../shared/errors.js';
import type { AlertSubject } from '../shared/alerts/alert.js';
import { JOB_NAMES, type JobName } from '../shared/alerts/jobs.js';
import { MUTE_DAYS } from '../shared/alerts/keys.js';
import { muteScopeForms, muteScopeOfKey } from '../shared/detect/waste/registry.js';

export const ACTION_COMMANDS = ['mute', 'unmute', 'mutes', 'slack-actions'] as const;
export type ActionCommandName = (typeof ACTION_COMMANDS)[number];

export type ActionCommand =
  | { kind: 'help'; topic: ActionCommandName }
  | { kind: 'mute'; target: AlertSubject; days: number; allAccounts: boolean; force: boolean; config?: string; json: boolean }
  | { kind: 'unmute'; target: AlertSubject; allAccounts: boolean; config?: string; json: boolean }
  | { kind: 'mutes'; config?: string; json: boolean }
  | { kind: 'slack-actions'; port: number; config?: string };

const STRING = { type: 'string' } as const;
const BOOL = { type: 'boolean' } as const;
const OPTIONS = {
  mute: {
    account: STRING,
    'all-accounts': BOOL,
    scope: STRING,
    days: STRING,
    force: BOOL,
    config: STRING,
    json: BOOL,
    help: { ...BOOL, short: 'h' },
  },
  unmute: { account: STRING, 'all-accounts': BOOL, scope: STRING, config: STRING, json: BOOL, help: { ...BOOL, short: 'h' } },
  mutes: { config: STRING, json: BOOL, help: { ...BOOL, short: 'h' } },
  'slack-actions': { port: STRING, config: STRING, help: { ...BOOL, short: 'h' } },
} as const;

/**
 * The scope a key means when --scope is not given: a daily-spend key is a
 * service, an idle key a resource (by its id's prefix, as the rules declare), a budget key a budget.
 */
function defaultScope(job: JobName, key: string): string {
  if (job === 'daily-spend') return 'service';
  if (job === 'budgets') return 'budget';
  if (job === 'monthly-report') return 'report';
  const scope = muteScopeOfKey(key);
  if (scope) return scope;
  const { byPrefix, others } = muteScopeForms();
  const [example, ...rest] = others;
  throw new UsageError(
    `--scope: expected for an idle-resources key that is not an ${byPrefix.join(' or ')} id, e.g. ` +
      `--scope ${example}${rest.length ? ` (or ${rest.join(', ')})` : ''}`,
  );
}

function target(command: 'mute' | 'unmute', rest: string[], values: { account?: string; scope?: string }): AlertSubject {
  const [job, key, extra] = rest;
  if (job === undefined) throw new UsageError(`${command}: missing <job>: expected one of ${JOB_NAMES.join(', ')}`);
  if (!(JOB_NAMES as readonly string[]).includes(job))
    throw new UsageError(`<job>: unknown job "${job}": expected one of ${JOB_NAMES.join(', ')}`);
  if (key === undefined)
    throw new UsageError(`${command}: missing <key>: expected what the alert is about (a service name, resource id, budget name or month)`);
  if (!key.trim() || key.length > 1024)
    throw new UsageError(
      `<key>: expected a non-empty name of at most 1024 characters (a service name, resource id, budget name or month), got ` +
        `"${key.slice(0, 40)}"`,
    );
  if (extra !== undefined) throw new UsageError(`${command}: unexpected argument "${extra}" after <key> (quote a key with spaces)`);
  if (values.account !== undefined && !/^\d{12}$/.test(values.account))
    throw new UsageError(`--account: expected a 12-digit AWS account id, got "${values.account}"`);
  if (values.scope !== undefined && !/^[a-z][a-z0-9-]{0,63}$/.test(values.scope))
    throw new UsageError(`--scope: expected a scope such as service, total, account, instance, volume, budget, got "${values.scope}"`);
  const scope = values.scope ?? defaultScope(job as JobName, key);
  // An account's own total is keyed by its id and is about that account.
  const account = values.account ?? (job === 'daily-spend' && scope === 'account' && /^\d{12}$/.test(key) ? key : null);
  return { job: job as JobName, key, scope, account };
}

function days(raw: string | undefined): number {
  if (raw === undefined) return MUTE_DAYS.default;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || n < MUTE_DAYS.min || n > MUTE_DAYS.max)
    throw new UsageError(`--days: expected a whole number of days from ${MUTE_DAYS.min} to ${MUTE_DAYS.max}, got "${raw}"`);
  return n;
}

function port(raw: string | undefined): number {
  if (raw === undefined) throw new UsageError('--port: expected the local port to listen on, e.g. --port 3000');
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) throw new UsageError(`--port: expected a port number from 1 to 65535, got "${raw}"`);
  return n;
}

/** `--days -3` is a number, not a flag: joined as `--days=-3` so the range check names it. */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if ((argv[i] === '--days' || argv[i] === '--port') && next !== undefined && /^-\d/.test(next)) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]!);
  }
  return out;
}

/** `argv` without the command name. */
export function parseActionCommand(command: ActionCommandName, argv: readonly string[]): ActionCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeNumbers(argv), options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${command}: ${(err as Error).message.replace(/\. To specify a positional.*$/s, '')} (see ${command} --help)`);
  }
  const values = parsed.values as {
    account?: string;
    'all-accounts'?: boolean;
    scope?: string;
    days?: string;
    force?: boolean;
    port?: string;
    config?: string;
    json?: boolean;
    help?: boolean;
  };
  if (values.help) return { kind: 'help', topic: command };
  const allAccounts = values['all-accounts'] ?? false;
  if (allAccounts && values.account !== undefined)
    throw new UsageError(`--account: expected either --account ID or --all-accounts, not both`);
  const rest = parsed.positionals;
  const common = { config: values.config, json: values.json ?? false };
  switch (command) {
    case 'mute':
      return {
        kind: 'mute',
        target: target(command, rest, values),
        days: days(values.days),
        allAccounts,
        force: values.force ?? false,
        ...common,
      };
    case 'unmute':
      return { kind: 'unmute', target: target(command, rest, values), allAccounts, ...common };
    case 'mutes':
      if (rest.length) throw new UsageError(`mutes: unexpected argument "${rest[0]}"`);
      return { kind: 'mutes', ...common };
    case 'slack-actions':
      if (rest.length) throw new UsageError(`slack-actions: unexpected argument "${rest[0]}"`);
      return { kind: 'slack-actions', port: port(values.port), config: values.config };
  }
}

const VALUE_FLAGS = new Set(['--config', '--date', '--month', '--account', '--scope', '--days', '--port']);

/** The mute/slack-actions command this argv asks for, with the rest of argv; undefined for any other command. */
export function splitActionCommand(argv: readonly string[]): { command: ActionCommandName; rest: string[] } | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_FLAGS.has(arg)) i++;
    else if (!arg.startsWith('-')) {
      if (!(ACTION_COMMANDS as readonly string[]).includes(arg)) return undefined;
      return { command: arg as ActionCommandName, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
    }
  }
  return undefined;
}
