import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { reportPlannedActivity } from '../aws/anomaly-feedback.js';
import { DEFAULT_SLACK_TOKEN_SECRET, type CostWatchConfig } from '../config/schema.js';
import { UsageError } from '../errors.js';
import type { Logger } from '../log.js';
import { MuteStore } from '../ledger/mutes.js';
import { createSlackClient, fetchSecretString, resolveSlackToken } from '../notify/slack.js';
import type { AwsClients } from '../aws/aws-clients.js';
import { ActionLedger } from './alert-record.js';
import { budgetActionsPort } from './budget-port.js';
import { MessageStates } from './message-state.js';
import type { SlackActionsDeps } from './handler.js';
import { DEFAULT_SIGNING_SECRET_ID } from './secret-ids.js';

export { DEFAULT_SIGNING_SECRET_ID };

/** chat.update gets one attempt of at most this long (it runs after the answer where the caller defers work). */
const UPDATE_TIMEOUT_MS = 2000;
/** A secret fetched on a cold start: Secrets Manager answers in tens of milliseconds, or not in time at all. */
export const SECRET_TIMEOUT_MS = 800;

/**
 * ProvideAnomalyFeedback runs after the answer (deferred), beside the token fetch; bounded so the Lambda's 15 s hold it
 * and the updates.
 */
const FEEDBACK_TIMEOUT_MS = 4000;

export interface ActionsClients {
  /** For budget actions (Approve, Reject, Undo): their AWS calls. Without it budget buttons get 400. */
  readonly aws?: AwsClients;
  readonly dynamo: DynamoDBClient;
  readonly secrets: () => SecretsManagerClient;
  readonly costExplorer: () => CostExplorerClient;
}

/**
 * The endpoint's dependencies, built once per container: the signing secret
 * (SLACK_SIGNING_SECRET, else Secrets Manager) and the bot token are fetched
 * on first use and then kept.
 */
export function actionsDeps(
  config: CostWatchConfig,
  clients: ActionsClients,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
): SlackActionsDeps {
  const table = config.ledgerTable;
  if (!table)
    throw new UsageError('ledgerTable: expected in config: the Slack actions endpoint looks alerts up and keeps mutes in the ledger table');
  const secretId = config.notify.slack?.signingSecretId ?? DEFAULT_SIGNING_SECRET_ID;
  const tokenSecretId = config.notify.slack?.tokenSecretId ?? DEFAULT_SLACK_TOKEN_SECRET;
  let secret: Promise<string> | undefined;
  return {
    signingSecret() {
      if (env.SLACK_SIGNING_SECRET) return Promise.resolve(env.SLACK_SIGNING_SECRET);
      secret ??= fetchSecretString(clients.secrets(), secretId, ['signingSecret', 'SLACK_SIGNING_SECRET'], SECRET_TIMEOUT_MS);
      secret.catch(() => (secret = undefined));
      return secret;
    },
    ledger: new ActionLedger(clients.dynamo, table),
    messages: new MessageStates(clients.dynamo, table),
    mutes: new MuteStore(clients.dynamo, table),
    slack: async () => {
      const token = await resolveSlackToken(clients.secrets, tokenSecretId, env, SECRET_TIMEOUT_MS);
      return createSlackClient(token, { timeoutMs: UPDATE_TIMEOUT_MS, retries: 0 }, env);
    },
    anomalyFeedback: (id) => reportPlannedActivity(clients.costExplorer(), id, FEEDBACK_TIMEOUT_MS),
    ...(clients.aws ? { budgetActions: budgetActionsPort(config, clients.aws, env, log) } : {}),
    log,
    now: () => new Date(),
  };
}
