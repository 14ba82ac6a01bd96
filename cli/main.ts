import { loadConfig } from '../shared/config/load.js';
import { ConfigError, exitCodeOf } from '../shared/errors.js';
import { JOBS } from '../shared/jobs/registry.js';
import { stderrLogger } from '../shared/log.js';
import { deliveryVerdict } from '../shared/notify/verdict.js';
import type { MessagePreview } from '../shared/notify/types.js';
import { parseCommand, type Command } from './args.js';
import { MAIN_HELP, RUN_HELP, VALIDATE_HELP, VERSION } from './help.js';
import { renderPreview } from './render-message.js';
import { parseActionCommand, splitActionCommand } from './mute-args.js';
import { executeActionCommand } from './mute-commands.js';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: Date;
  /** ANSI styles in what goes to stderr (a terminal). @default false */
  readonly color?: boolean;
}

const defaultIo = (): CliIo => ({ out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), now: new Date(), color: process.stderr.isTTY === true });

/** Returns the exit code; never throws, never calls process.exit (the bin does). */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  try {
    const action = splitActionCommand(argv);
    if (action) return await executeActionCommand(parseActionCommand(action.command, action.rest), io);
    const command = parseCommand(argv, io.now);
    return await execute(command, io);
  } catch (err) {
    const code = exitCodeOf(err);
    let message = err instanceof Error ? err.message : String(err);
    if (err instanceof Error && err.name === 'CredentialsProviderError')
      message += ' (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws sso login`)';
    io.err(`cost-watch: ${code === 1 ? 'error: ' : ''}${err instanceof ConfigError ? configProblems(err) : message}\n`);
    if (code === 1 && process.env.COST_WATCH_DEBUG && err instanceof Error) io.err(`${err.stack}\n`);
    return code;
  }
}

/** Every problem on its own line, so a config with five mistakes reads as a list. */
function configProblems(err: ConfigError): string {
  if (err.issues.length < 2) return err.message;
  const head = err.message.slice(0, err.message.indexOf(': ') + 1);
  return `${head}\n${err.issues.map((issue) => `  - ${issue}`).join('\n')}`;
}

async function execute(command: Command, io: CliIo): Promise<number> {
  switch (command.kind) {
    case 'version':
      io.out(`cost-watch ${VERSION}\n`);
      return 0;
    case 'help':
      io.out(command.topic === 'run' ? RUN_HELP : command.topic === 'validate-config' ? VALIDATE_HELP : MAIN_HELP);
      return 0;
    case 'validate-config': {
      const { config, file } = loadConfig(command.config);
      if (command.json) io.out(`${JSON.stringify({ valid: true, file: file ?? null, config }, null, 2)}\n`);
      else io.out(`config OK: ${file ?? 'no config file, built-in defaults'}\n${JSON.stringify(config, null, 2)}\n`);
      return 0;
    }
    case 'run':
      return runJob(command, io);
  }
}

async function runJob(command: Extract<Command, { kind: 'run' }>, io: CliIo): Promise<number> {
  const { config } = loadConfig(command.config);
  // Loaded here, not at the top: `--help` and usage errors should not pay for SDK clients.
  const [job, { createContext }] = await Promise.all([JOBS[command.job](), import('../shared/jobs/context.js')]);
  const log = stderrLogger();
  // A dry run shows each message it would send, on stderr: stdout stays the summary (or the one JSON document).
  const preview = command.dryRun ? (p: MessagePreview) => io.err(renderPreview(p, { color: io.color ?? false })) : undefined;
  const ctx = createContext({ config, log, dryRun: command.dryRun, now: io.now, preview });
  const result = await job.run(ctx, { date: command.date, month: command.month });
  if (command.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else io.out(`${job.summarize(result)}\n${formatDeliveries(result.deliveries)}`);
  const verdict = deliveryVerdict(result.deliveries);
  if (verdict.message) io.err(`cost-watch: ${verdict.exitCode === 1 ? 'error: ' : ''}${verdict.message}\n`);
  return verdict.exitCode;
}

function formatDeliveries(deliveries: readonly { channel: string; alertId: string; status: string; error?: string; destination?: string }[]): string {
  if (!deliveries.length) return 'deliveries: none (nothing new to send)\n';
  // Where each went matters once routes split alerts: the Slack channel, or the topic's name.
  const where = (d: { destination?: string }) => (d.destination ? ` → ${d.destination.startsWith('arn:') ? d.destination.slice(d.destination.lastIndexOf(':') + 1) : d.destination}` : '');
  return `deliveries:\n${deliveries.map((d) => `  ${d.channel.padEnd(5)} ${d.status.padEnd(9)} ${d.alertId}${where(d)}${d.error ? ` (${d.error})` : ''}`).join('\n')}\n`;
}
