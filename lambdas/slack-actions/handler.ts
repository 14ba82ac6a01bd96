import { AwsClients } from '../../shared/aws/aws-clients.js';
import { costExplorerClient, dynamoClient, secretsClient } from '../../shared/aws/clients.js';
import { BUDGET_ACTION_CLIENTS } from '../../shared/slack-actions/clients.js';
import { errorMessage } from '../../shared/aws/errors.js';
import { configFromEnv } from '../../shared/config/load.js';
import { jsonLogger } from '../../shared/log.js';
import { actionsDeps } from '../../shared/slack-actions/deps.js';
import { handleSlackAction } from '../../shared/slack-actions/handler.js';
import { lambdaRuntime, streamingHandler } from './streaming.js';

// Once per container: config, clients, and (on first use) the signing secret and bot token.
const log = jsonLogger();
const aws = new AwsClients(process.env, BUDGET_ACTION_CLIENTS);
const deps = actionsDeps(configFromEnv(), { aws, dynamo: dynamoClient(), secrets: secretsClient, costExplorer: costExplorerClient }, log);

// Wrapped at load: the runtime streams only a handler exported already marked by streamifyResponse.
export const handler = streamingHandler(
  lambdaRuntime(),
  async (event, defer) => {
    if (event.requestContext.http.method !== 'POST') return { statusCode: 405, headers: { allow: 'POST' }, body: 'POST only' };
    return handleSlackAction({ headers: event.headers, body: event.body, isBase64Encoded: event.isBase64Encoded }, { ...deps, defer });
  },
  (err) => log.warn(`slack-actions: work after the answer failed: ${errorMessage(err)}`),
);
