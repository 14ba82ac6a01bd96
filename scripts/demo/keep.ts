/**
 * `npm run demo -- --keep`: the demo's arguments, and what it prints when it
 * leaves its emulators running for trying the CLI by hand.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';

export interface DemoArgs {
  /** Leave moto, the Cost Explorer and Budgets doubles and the fake Slack running after the demo. */
  readonly keep: boolean;
  readonly help: boolean;
}

export const DEMO_USAGE = `Usage: npm run demo [-- --keep]
  --keep   leave the emulators running afterwards and print the environment to try the CLI by hand
`;

/** The demo's command line; an unknown option or a stray argument is refused with the usage. */
export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { keep: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: false,
    });
    return { keep: values.keep, help: values.help };
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${DEMO_USAGE}`, { cause: err });
  }
}

/** Single-quoted for a POSIX shell, so a value with spaces or `$` pastes as it is. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

export interface KeptDemo {
  /** Exactly the environment the demo ran the CLI with. */
  readonly env: Readonly<Record<string, string>>;
  readonly configFile: string;
  /** The repository root, where the pasted commands run. */
  readonly root: string;
  /** This demo process: it serves the Cost Explorer and Budgets doubles and the fake Slack. */
  readonly demoPid: number;
  /** The moto_server processes. */
  readonly motoPids: readonly number[];
  readonly slackSecretId: string;
}

/** The lines to paste into another terminal, a command to start with, and how to stop everything. */
export function keepInstructions(k: KeptDemo): string {
  const config = relative(k.root, k.configFile) || k.configFile;
  const exports = Object.keys(k.env)
    .sort()
    .map((name) => `export ${name}=${shellQuote(k.env[name]!)}`);
  return [
    '',
    '━━ The emulators are still running ━━',
    `Try the CLI by hand: paste this into another terminal, in ${k.root}`,
    `(no SLACK_BOT_TOKEN: the CLI reads the bot token from the secret ${k.slackSecretId} in moto, as in the demo)`,
    '',
    ...exports,
    `npx cost-watch run budgets --config ${shellQuote(config)} --dry-run`,
    '',
    `Stop them: kill ${[k.demoPid, ...k.motoPids].join(' ')}   (or Ctrl-C here)`,
    '',
  ].join('\n');
}
