import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as z from 'zod/mini';
import { ConfigError } from '../errors.js';
import { configSchema, type CostWatchConfig } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'cost-watch.config.json';

/** `dailySpend.thresholds[1].pct` style path, as a user would write it. */
function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(root)';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? ` in ${keyPath(issue.path)}` : '';
    return `${issue.keys.map((k) => keyPath([...issue.path, k])).join(', ')}: unknown key${issue.keys.length > 1 ? 's' : ''}${where}`;
  }
  return `${keyPath(issue.path)}: ${issue.message}`;
}

/** Validate an already-parsed JSON value; throws ConfigError naming every bad key path. */
export function parseConfig(raw: unknown, source = 'config'): CostWatchConfig {
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map(describeIssue);
  throw new ConfigError(`invalid ${source}: ${issues.join('; ')}`, issues);
}

export interface LoadedConfig {
  readonly config: CostWatchConfig;
  /** Absolute path of the file read, or undefined when built-in defaults were used. */
  readonly file: string | undefined;
}

/**
 * Reads `file`, or ./cost-watch.config.json when present, else built-in defaults.
 * A named file that does not exist is an error; the default one is optional.
 */
export function loadConfig(file?: string, cwd = process.cwd()): LoadedConfig {
  const path = resolve(cwd, file ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(path)) {
    if (file) throw new ConfigError(`--config: file not found: ${file}`);
    return { config: parseConfig({}), file: undefined };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`--config: cannot read ${path}: ${(err as Error).message}`);
  }
  // Windows editors save a byte-order mark; JSON.parse would report an invisible character.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`invalid config ${path}: malformed JSON: ${(err as Error).message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError(`invalid config ${path}: expected a JSON object at the top level`);
  return { config: parseConfig(raw, `config ${path}`), file: path };
}

export const CONFIG_ENV = 'COST_WATCH_CONFIG';

/** Lambdas get their validated config as JSON in COST_WATCH_CONFIG, set by the stack at synth. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): CostWatchConfig {
  const text = env[CONFIG_ENV];
  // Defaults in a Lambda would mean no Slack, no topic, no ledger: a run that silently sends nothing.
  if (!text) throw new ConfigError(`${CONFIG_ENV} is not set: the stack sets it at deploy (cdk deploy); set it to the config as JSON`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`invalid ${CONFIG_ENV}: malformed JSON: ${(err as Error).message}`);
  }
  return parseConfig(raw, CONFIG_ENV);
}
