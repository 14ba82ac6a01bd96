import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { actionsHttpServer, DEFAULT_HTTP_LIMITS, type HttpLimits } from '../../cli/slack-actions-http.js';
import type { HttpRequest } from '../../shared/slack-actions/handler.js';

const servers: Server[] = [];
let seen: HttpRequest[] = [];

async function start(limits: HttpLimits = { maxBodyBytes: 1024, requestTimeoutMs: 300 }): Promise<number> {
  seen = [];
  const server = actionsHttpServer(
    async (req) => {
      seen.push(req);
      return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'handled' };
    },
    () => undefined,
    limits,
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Writes `head`, then `chunks` one after another while the socket is open; resolves with all it was answered once it closes. */
function exchange(port: number, head: string, chunks: Buffer[] = [], keepOpen = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
    socket.once('connect', async () => {
      socket.write(head);
      for (const chunk of chunks) {
        if (socket.destroyed || answer) break;
        await new Promise((r) => socket.write(chunk, r));
      }
      if (!keepOpen && !socket.destroyed) socket.end();
    });
    setTimeout(() => reject(new Error(`no close; answered: ${answer}`)), 20_000).unref();
  });
}

const head = (headers: string) => `POST /slack/actions HTTP/1.1\r\nhost: localhost\r\n${headers}\r\n`;

afterEach(async () => {
  for (const s of servers.splice(0))
    await new Promise((r) => {
      s.close(r);
      s.closeAllConnections();
    });
});

describe('the local Slack actions server', () => {
  it('hands a small body to the handler whole', async () => {
    const port = await start();

    const answer = await exchange(port, head('content-length: 9\r\nconnection: close\r\n'), [Buffer.from('payload=1')]);

    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(Buffer.from(seen[0]!.body!, 'base64').toString()).toBe('payload=1');
  });

  it('answers 413 to a Content-Length over the limit without waiting for the body', async () => {
    const port = await start();

    const answer = await exchange(port, head('content-length: 209715200\r\n'), [], true);

    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(seen).toEqual([]);
  });

  it('answers 413 to a chunked body once it passes the limit, and stops reading it', async () => {
    const port = await start({ maxBodyBytes: 1024, requestTimeoutMs: 15_000 });
    const chunk = Buffer.from(`400\r\n${'x'.repeat(1024)}\r\n`);

    const answer = await exchange(
      port,
      head('transfer-encoding: chunked\r\n'),
      Array.from({ length: 2000 }, () => chunk),
      true,
    );

    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(seen).toEqual([]);
  });

  it('drops a request whose body has not arrived within the request timeout', async () => {
    const port = await start();

    const answer = await exchange(port, head('content-length: 100\r\n'), [Buffer.from('payload=')], true);

    expect(answer).toMatch(/^HTTP\/1\.1 408|^$/);
    expect(seen).toEqual([]);
  });

  it('by default refuses bodies over 1 MiB and gives a request 10 s, headers included', async () => {
    expect(DEFAULT_HTTP_LIMITS).toEqual({ maxBodyBytes: 1024 * 1024, requestTimeoutMs: 10_000 });
    const server = actionsHttpServer(
      async () => ({ statusCode: 200, headers: {}, body: '' }),
      () => undefined,
    );
    servers.push(server);

    expect(server.requestTimeout).toBe(10_000);
    expect(server.headersTimeout).toBe(10_000);
  });
});
