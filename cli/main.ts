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
import { processIo, type CliIo } from './io.js';

export type { CliIo };

/**
 * Returns the exit code; never throws, never calls process.exit (the bin does).
 * `env` is what the command reads (Slack token and time budget, debug switch); the AWS SDK reads process.env.
 */
export async function main(argv: readonly string[], io: CliIo = processIo(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    if (argv[0] === 'actions') return await (await import('./actions-command.js')).actionsCommand(argv.slice(1), io, env);
    const action = splitActionCommand(argv);
    if (action) {
      const command = parseActionCommand(action.command, action.rest);
      if (command.kind !== 'slack-actions') return await executeActionCommand(command, io, env);
      // Loaded only for this command: the server pulls in the Slack actions handler.
      const { slackActionsCommand } = await import('./slack-actions-server.js');
      return await slackActionsCommand(command, io, env);
    }
    const command = parseCommand(argv, io.now);
    return await execute(command, io, env);
  } catch (err) {
    const code = exitCodeOf(err);
    let message = err instanceof Error ? err.message : String(err);
    if (err instanceof Error && err.name === 'CredentialsProviderError')
      message += ' (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws sso login`)';
    io.err(`cost-watch: ${code === 1 ? 'error: ' : ''}${err instanceof ConfigError ? configProblems(err) : message}\n`);
    if (code === 1 && env.COST_WATCH_DEBUG && err instanceof Error) io.err(`${err.stack}\n`);
    return code;
  }
}

/** Every problem on its own line, so a config with five mistakes reads as a list. */
function configProblems(err: ConfigError): string {
  if (err.issues.length < 2) return err.message;
  const head = err.message.slice(0, err.message.indexOf(': ') + 1);
  return `${head}\n${err.issues.map((issue) => `  - ${issue}`).join('\n')}`;
}

async function execute(command: Command, io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
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
      return runJob(command, io, env);
  }
}

async function runJob(command: Extract<Command, { kind: 'run' }>, io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const { config } = loadConfig(command.config);
  // Loaded here, not at the top: `--help` and usage errors should not pay for SDK clients.
  const [job, { createContext }] = await Promise.all([JOBS[command.job](), import('../shared/jobs/common/context.js')]);
  const log = stderrLogger({ write: io.err });
  // A dry run shows each message it would send, on stderr: stdout stays the summary (or the one JSON document).
  const preview = command.dryRun ? (p: MessagePreview) => io.err(renderPreview(p, { color: io.color ?? false })) : undefined;
  const { AwsClients } = await import('../shared/aws/aws-clients.js');
  // The job's own client list, as its Lambda bundle has it: a client missing from the list fails here first.
  const aws = new AwsClients(env, job.clients);
  const ctx = createContext({ config, log, aws, dryRun: command.dryRun, now: io.now, preview, env });
  const result = await job.run(ctx, { date: command.date, month: command.month });
  if (command.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else io.out(`${job.summarize(result)}\n${formatDeliveries(result.deliveries)}`);
  const verdict = deliveryVerdict(result.deliveries);
  if (verdict.message) io.err(`cost-watch: ${verdict.exitCode === 1 ? 'error: ' : ''}${verdict.message}\n`);
  return verdict.exitCode;
}

function formatDeliveries(
  deliveries: readonly { channel: string; alertId: string; status: string; error?: string; destination?: string }[],
): string {
  if (!deliveries.length) return 'deliveries: none (nothing new to send)\n';
  // Where each went matters once routes split alerts: the Slack channel, or the topic's name.
  const named = (to: string) => (to.startsWith('arn:') ? to.slice(to.lastIndexOf(':') + 1) : to);
  const where = (d: { destination?: string }) => (d.destination ? ` → ${named(d.destination)}` : '');
  const line = (d: (typeof deliveries)[number]) =>
    `  ${d.channel.padEnd(5)} ${d.status.padEnd(9)} ${d.alertId}${where(d)}${d.error ? ` (${d.error})` : ''}`;
  return `deliveries:\n${deliveries.map(line).join('\n')}\n`;
}
