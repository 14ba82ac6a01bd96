import { ALL_CLIENTS } from '../shared/aws/all-clients.js';
import { AwsClients } from '../shared/aws/aws-clients.js';
import { costExplorerClient, dynamoClient, secretsClient } from '../shared/aws/clients.js';
import { loadConfig } from '../shared/config/load.js';
import type { CostWatchConfig } from '../shared/config/schema.js';
import { stderrLogger } from '../shared/log.js';
import { actionsDeps } from '../shared/slack-actions/deps.js';
import { handleSlackAction } from '../shared/slack-actions/handler.js';
import type { CliIo } from './io.js';
import { ledgerTableOf } from './ledger-table.js';
import type { ActionCommand } from './mute-args.js';
import { ACTIONS_PATH, actionsHttpServer } from './slack-actions-http.js';

export { ACTIONS_PATH };

/**
 * The deployed endpoint's handler over local HTTP (POST /slack/actions), for
 * a tunnel to a test Slack app or the fake Slack. Resolves with 0 on SIGINT/SIGTERM.
 */
export function serveSlackActions(config: CostWatchConfig, port: number, io: CliIo, env: NodeJS.ProcessEnv): Promise<number> {
  const log = stderrLogger({ write: io.err });
  const deps = {
    ...actionsDeps(
      config,
      { aws: new AwsClients(env, ALL_CLIENTS), dynamo: dynamoClient(), secrets: secretsClient, costExplorer: costExplorerClient },
      log,
      env,
    ),
    // This server outlives the request: slow work (feedback to AWS) runs once the answer has gone out.
    defer: (work: () => Promise<void>) =>
      setImmediate(() => work().catch((err: unknown) => log.warn(`slack-actions: ${(err as Error).message}`))),
  };
  const server = actionsHttpServer(
    (req) => handleSlackAction(req, deps),
    (m) => log.warn(m),
  );
  return new Promise((resolve, reject) => {
    server.once('error', (err) => reject(err));
    server.listen(port, '127.0.0.1', () => {
      io.err(`cost-watch: serving Slack actions on http://127.0.0.1:${port}${ACTIONS_PATH} (Ctrl-C to stop)\n`);
      const stop = () => server.close(() => resolve(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });
}

/** `cost-watch slack-actions --port PORT`: checks the config has a ledger table, then serves until stopped. */
export function slackActionsCommand(
  command: Extract<ActionCommand, { kind: 'slack-actions' }>,
  io: CliIo,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { config } = loadConfig(command.config);
  ledgerTableOf(config);
  return serveSlackActions(config, command.port, io, env);
}
