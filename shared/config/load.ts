import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as z from 'zod/mini';
import { ConfigError } from '../errors.js';
import { closestMatches, lineAndColumn, quotedAlternatives } from '../text/closest.js';
import { knownKeysAt } from './known-keys.js';
import { configSchema, type CostWatchConfig } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'cost-watch.config.json';

/** `dailySpend.thresholds[1].pct` style path, as a user would write it. */
function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(root)';
}

/** One line per problem: an issue naming several unknown keys is one line per key. */
function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? ` in ${keyPath(issue.path)}` : '';
    const known = knownKeysAt(configSchema, issue.path);
    const hint = (key: string) => {
      const near = closestMatches(key, known);
      return near.length ? ` (did you mean ${quotedAlternatives(near)}?)` : '';
    };
    return issue.keys.map((k) => `${keyPath([...issue.path, k])}: unknown key${where}${hint(k)}`);
  }
  return [`${keyPath(issue.path)}: ${issue.message}`];
}

/** Validate an already-parsed JSON value; throws ConfigError naming every bad key path. */
export function parseConfig(raw: unknown, source = 'config'): CostWatchConfig {
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) => describeIssue(issue));
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
    throw new ConfigError(`invalid config ${path}: malformed JSON: ${jsonErrorWithPosition(text, (err as Error).message)}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError(`invalid config ${path}: expected a JSON object at the top level`);
  return { config: parseConfig(raw, `config ${path}`), file: path };
}

/** Node reports a JSON error by character offset; people look for a line and column. */
function jsonErrorWithPosition(text: string, message: string): string {
  const offset = /at position (\d+)/.exec(message)?.[1];
  const at = offset === undefined ? lineAndColumn(text, text.length) : lineAndColumn(text, Number(offset));
  const base = message.replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
  return `line ${at.line}, column ${at.column}: ${base}`;
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
