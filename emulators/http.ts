import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface LocalServer {
  readonly server: Server;
  readonly port: number;
  /** Closes the listener and every open socket, including requests the double chose never to answer. */
  close(): Promise<void>;
}

/** Listens on loopback only: the doubles must never be reachable from outside this machine. */
export async function listenLocal(handler: RequestHandler, port = 0): Promise<LocalServer> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      // A bug in a double must show up as a loud 500, not as a hung test.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`double failed: ${error instanceof Error ? error.stack : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    server,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Asks the kernel for a free port; used for child processes that cannot report the port they bound. */
export async function freePort(): Promise<number> {
  const probe = await listenLocal(() => undefined);
  const { port } = probe;
  await probe.close();
  return port;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}
