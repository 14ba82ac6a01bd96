import { createServer, type IncomingMessage } from 'node:http';
import { costExplorerClient, dynamoClient, secretsClient } from '../shared/aws/clients.js';
import type { CostWatchConfig } from '../shared/config/schema.js';
import { stderrLogger } from '../shared/log.js';
import { actionsDeps } from '../shared/slack-actions/deps.js';
import { handleSlackAction } from '../shared/slack-actions/handler.js';
import type { ActionIo } from './mute-commands.js';

export const ACTIONS_PATH = '/slack/actions';

async function rawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The deployed endpoint's handler over local HTTP (POST /slack/actions), for
 * a tunnel to a test Slack app or the fake Slack. Resolves with 0 on SIGINT/SIGTERM.
 */
export function serveSlackActions(config: CostWatchConfig, port: number, io: ActionIo): Promise<number> {
  const log = stderrLogger();
  const deps = actionsDeps(config, { dynamo: dynamoClient(), secrets: secretsClient, costExplorer: costExplorerClient }, log);
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== ACTIONS_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`POST ${ACTIONS_PATH} only\n`);
      return;
    }
    rawBody(req)
      .then((body) => handleSlackAction({ headers: req.headers as Record<string, string | undefined>, body: body.toString('base64'), isBase64Encoded: true }, deps))
      .then((r) => res.writeHead(r.statusCode, r.headers).end(r.body))
      .catch((err: unknown) => {
        log.warn(`slack-actions: ${(err as Error).message}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('internal error');
      });
  });
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
