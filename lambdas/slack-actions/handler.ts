import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { costExplorerClient, dynamoClient, secretsClient } from '../../shared/aws/clients.js';
import { configFromEnv } from '../../shared/config/load.js';
import { jsonLogger } from '../../shared/log.js';
import { actionsDeps } from '../../shared/slack-actions/deps.js';
import { handleSlackAction } from '../../shared/slack-actions/handler.js';

// Once per container: config, clients, and (on first use) the signing secret and bot token.
const deps = actionsDeps(configFromEnv(), { dynamo: dynamoClient(), secrets: secretsClient, costExplorer: costExplorerClient }, jsonLogger());

export const handler = async (event: LambdaFunctionURLEvent): Promise<LambdaFunctionURLResult> => {
  if (event.requestContext.http.method !== 'POST') return { statusCode: 405, headers: { allow: 'POST' }, body: 'POST only' };
  return handleSlackAction({ headers: event.headers, body: event.body, isBase64Encoded: event.isBase64Encoded }, deps);
};
