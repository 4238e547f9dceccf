import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PlatformError, PlatformHttpClient } from '@atlas/platforms';
import { freePort } from '../support/free-port';
import { rejectionOf } from './slack-fixtures';
import { EMULATOR_OUTBOUND_POLICY } from '../support/outbound-allowances';

type Handler = (request: IncomingMessage, response: ServerResponse, attempt: number) => void;

/** A bare HTTP server whose answer to each attempt the test scripts. */
async function serve(handler: Handler): Promise<{ url: string; attempts: () => number; close: () => Promise<void> }> {
  let attempts = 0;
  const server: Server = createServer((request, response) => handler(request, response, ++attempts));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/call`,
    attempts: () => attempts,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('PlatformHttpClient', () => {
  it('waits out a Retry-After given as an HTTP date', async () => {
    const server = await serve((_request, response, attempt) => {
      if (attempt === 1) {
        response.writeHead(429, { 'retry-after': new Date(Date.now() + 2000).toUTCString() }).end();
      } else {
        response.writeHead(200).end('done');
      }
    });
    const waits: number[] = [];
    try {
      const client = new PlatformHttpClient({
        outboundPolicy: EMULATOR_OUTBOUND_POLICY,
        maxRetryAfterSeconds: 5,
        onWait: (ms) => waits.push(ms),
      });
      const response = await client.send({ url: server.url });
      expect(response).toMatchObject({ status: 200, body: 'done' });
      expect(waits).toHaveLength(1);
      // HTTP dates have whole seconds, so the wait is somewhere in the second before the date.
      expect(waits[0]).toBeGreaterThan(900);
      expect(waits[0]).toBeLessThanOrEqual(2000);
    } finally {
      await server.close();
    }
  });

  it('waits out a fractional Retry-After in seconds', async () => {
    const server = await serve((_request, response, attempt) =>
      attempt === 1 ? response.writeHead(429, { 'retry-after': '0.2' }).end() : response.writeHead(200).end('ok'),
    );
    const waits: number[] = [];
    try {
      await new PlatformHttpClient({
        outboundPolicy: EMULATOR_OUTBOUND_POLICY,
        maxRetryAfterSeconds: 1,
        onWait: (ms) => waits.push(ms),
      }).send({
        url: server.url,
      });
      expect(waits).toEqual([200]);
      expect(server.attempts()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('retries a server that does not answer in time, then fails transiently', async () => {
    const server = await serve(() => undefined);
    try {
      const client = new PlatformHttpClient({
        outboundPolicy: EMULATOR_OUTBOUND_POLICY,
        maxRetryAfterSeconds: 1,
        timeoutMs: 100,
        retries: 1,
        backoffMs: 10,
      });
      const error = await rejectionOf(client.send({ url: server.url }));
      expect(error).toBeInstanceOf(PlatformError);
      expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: true });
      expect((error as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/call failed: timed out$/);
      expect(server.attempts()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('retries a refused connection, then fails transiently naming the cause', async () => {
    const port = await freePort();
    const client = new PlatformHttpClient({
      outboundPolicy: EMULATOR_OUTBOUND_POLICY,
      maxRetryAfterSeconds: 1,
      retries: 2,
      backoffMs: 5,
    });
    const error = await rejectionOf(client.send({ url: `http://127.0.0.1:${port}/api/auth.test` }));
    expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: true });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('returns other client errors to the caller without retrying', async () => {
    const server = await serve((_request, response) => response.writeHead(404).end('no such method'));
    try {
      const response = await new PlatformHttpClient({
        outboundPolicy: EMULATOR_OUTBOUND_POLICY,
        maxRetryAfterSeconds: 1,
      }).send({
        url: server.url,
        method: 'POST',
        body: 'a=1',
      });
      expect(response).toMatchObject({ status: 404, body: 'no such method' });
      expect(server.attempts()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('gives up on a server that keeps rate limiting', async () => {
    const server = await serve((_request, response) => response.writeHead(429, { 'retry-after': '0' }).end());
    try {
      const error = await rejectionOf(
        new PlatformHttpClient({ outboundPolicy: EMULATOR_OUTBOUND_POLICY, maxRetryAfterSeconds: 1 }).send({
          url: server.url,
        }),
      );
      expect(error).toMatchObject({ code: 'RATE_LIMIT', transient: false, retryAfterSeconds: 0 });
      expect(server.attempts()).toBe(11);
    } finally {
      await server.close();
    }
  });
});
