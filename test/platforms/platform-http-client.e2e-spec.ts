import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PlatformError, PlatformHttpClient, PlatformHttpClientOptions } from '@atlas/platforms';
import { freePort } from '../support/free-port';
import { callsBeforeHintedTime, retryAfterMs, TimedCall } from '../support/timed-calls';
import { rejectionOf } from './slack-fixtures';
import { EMULATOR_OUTBOUND_POLICY } from '../support/outbound-allowances';

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

type Handler = (request: IncomingMessage, attempt: number) => Answer | null;

interface ServedCall extends TimedCall {
  path: string;
  status: number;
}

/**
 * A bare HTTP server whose answer to each attempt the test scripts (null: no answer at all), logging
 * when each call came and the wait its answer asked for (Retry-After, or a JSON body's retry_after).
 */
async function serve(handler: Handler) {
  const calls: ServedCall[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const at = Date.now();
    const answer = handler(request, calls.length + 1);
    if (answer === null) return;
    const header = answer.headers?.['retry-after'];
    const bodyWait = /"retry_after":\s*([\d.]+)/.exec(answer.body ?? '')?.[1];
    const hint = header !== undefined && /^[\d.]+$/.test(header) ? Number(header) : bodyWait && Number(bodyWait);
    calls.push({
      path: request.url ?? '',
      status: answer.status,
      at,
      answeredAt: Date.now(),
      ...retryAfterMs(hint || undefined),
    });
    response.writeHead(answer.status, answer.headers).end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/call') => `http://127.0.0.1:${port}${path}`,
    calls,
    attempts: () => calls.length,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function client(options: Partial<PlatformHttpClientOptions> = {}): PlatformHttpClient {
  return new PlatformHttpClient({ outboundPolicy: EMULATOR_OUTBOUND_POLICY, maxRetryAfterSeconds: 5, ...options });
}

const OK: Answer = { status: 200, body: 'ok' };

describe('PlatformHttpClient', () => {
  describe('waits a platform asks for', () => {
    it('waits out a Retry-After given as an HTTP date', async () => {
      const server = await serve((_request, attempt) =>
        attempt === 1 ? { status: 429, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } } : OK,
      );
      const waits: number[] = [];
      try {
        const response = await client({ onWait: (ms) => waits.push(ms) }).send({ url: server.url() });
        expect(response).toMatchObject({ status: 200, body: 'ok' });
        expect(waits).toHaveLength(1);
        // HTTP dates have whole seconds, so the wait is somewhere in the second before the date.
        expect(waits[0]).toBeGreaterThan(900);
        expect(waits[0]).toBeLessThanOrEqual(2000);
      } finally {
        await server.close();
      }
    });

    it('waits out a fractional Retry-After in seconds', async () => {
      const server = await serve((_request, attempt) =>
        attempt === 1 ? { status: 429, headers: { 'retry-after': '0.2' } } : OK,
      );
      const waits: Array<[number, unknown]> = [];
      try {
        await client({ maxRetryAfterSeconds: 1, onWait: (ms, why) => waits.push([ms, why]) }).send({
          url: server.url(),
        });
        expect(waits).toEqual([[200, { kind: 'retry', code: 'RATE_LIMIT', retryAfterSeconds: 0.2 }]]);
        expect(server.attempts()).toBe(2);
        expect(callsBeforeHintedTime(server.calls)).toEqual([]);
      } finally {
        await server.close();
      }
    });

    it("honours a 503's Retry-After: no call before the time it names", async () => {
      const server = await serve((_request, attempt) =>
        attempt === 1 ? { status: 503, headers: { 'retry-after': '1' } } : OK,
      );
      try {
        expect(await client().send({ url: server.url() })).toMatchObject({ status: 200 });
        expect(server.calls.map((call) => [call.status, call.retryAfterMs])).toEqual([
          [503, 1000],
          [200, undefined],
        ]);
        expect(callsBeforeHintedTime(server.calls)).toEqual([]);
      } finally {
        await server.close();
      }
    });

    it("honours a 504's Retry-After given as an HTTP date", async () => {
      let until = 0;
      const server = await serve((_request, attempt) => {
        if (attempt > 1) return OK;
        until = Math.ceil((Date.now() + 1000) / 1000) * 1000;
        return { status: 504, headers: { 'retry-after': new Date(until).toUTCString() } };
      });
      try {
        expect(await client().send({ url: server.url() })).toMatchObject({ status: 200 });
        expect(server.calls[1].at).toBeGreaterThanOrEqual(until);
      } finally {
        await server.close();
      }
    });

    it('a 503 that asks for longer than allowed is a PLATFORM_ERROR the job retries after that wait', async () => {
      const server = await serve(() => ({ status: 503, headers: { 'retry-after': '120' } }));
      try {
        const error = await rejectionOf(client().send({ url: server.url() }));
        expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: true, retryAfterSeconds: 120 });
        expect(server.attempts()).toBe(1);
      } finally {
        await server.close();
      }
    });

    it("honours a wait given only in a JSON body, as Discord's retry_after (fractional seconds)", async () => {
      const server = await serve((_request, attempt) =>
        attempt === 1
          ? {
              status: 429,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ message: 'You are being rate limited.', retry_after: 1.2, global: false }),
            }
          : OK,
      );
      try {
        expect(await client().send({ url: server.url() })).toMatchObject({ status: 200 });
        expect(server.calls[0].retryAfterMs).toBe(1200);
        expect(callsBeforeHintedTime(server.calls)).toEqual([]);
      } finally {
        await server.close();
      }
    });

    it('a wait holds for its bucket only; a global one holds for every bucket', async () => {
      const server = await serve((request, attempt) => {
        if (request.url !== '/a' || attempt > 1) return OK;
        return request.headers['x-global']
          ? { status: 429, body: JSON.stringify({ retry_after: 1, global: true }) }
          : { status: 429, headers: { 'retry-after': '1' } };
      });
      try {
        for (const global of [false, true]) {
          server.calls.length = 0;
          let other: Promise<unknown> | null = null;
          const paced = client({
            bucketOf: (request) => new URL(request.url).pathname,
            // /b is asked for while /a waits for the time its 429 named.
            onWait: (_ms, why) => {
              if (why.kind === 'retry') other ??= paced.send({ url: server.url('/b') });
            },
          });
          await paced.send({ url: server.url('/a'), headers: global ? { 'x-global': 'yes' } : {} });
          await other;
          const early = callsBeforeHintedTime(server.calls).map((e) => e.early.path);
          if (global) {
            expect(early).toEqual([]);
          } else {
            // /b did not wait for /a's bucket.
            expect(server.calls.map((call) => call.path)).toEqual(['/a', '/b', '/a']);
            expect(early).toEqual(['/b']);
          }
        }
      } finally {
        await server.close();
      }
    });
  });

  describe('throttles that name no wait, and long ones', () => {
    it('backs off a 429 without Retry-After, and does not give up after ten waits', async () => {
      const server = await serve((_request, attempt) => (attempt <= 15 ? { status: 429 } : OK));
      const waits: number[] = [];
      try {
        const response = await client({
          retryPolicy: { throttleBaseMs: 2, maxBackoffMs: 20 },
          onWait: (ms) => waits.push(ms),
        }).send({ url: server.url() });
        expect(response).toMatchObject({ status: 200 });
        expect(server.attempts()).toBe(16);
        // Full jitter: each wait anywhere up to its doubled base, capped.
        expect(waits).toHaveLength(15);
        expect(waits.every((ms, index) => ms >= 0 && ms <= Math.min(20, 2 * 2 ** index))).toBe(true);
      } finally {
        await server.close();
      }
    });

    it('waits out a long throttle within the budget, hinted wait after hinted wait', async () => {
      const server = await serve((_request, attempt) =>
        attempt <= 12 ? { status: 429, headers: { 'retry-after': '0.1' } } : OK,
      );
      try {
        expect(await client().send({ url: server.url() })).toMatchObject({ status: 200 });
        expect(server.attempts()).toBe(13);
        expect(callsBeforeHintedTime(server.calls)).toEqual([]);
      } finally {
        await server.close();
      }
    });

    it('gives up with RATE_LIMIT once the waits of one request would pass the budget', async () => {
      const server = await serve(() => ({ status: 429, headers: { 'retry-after': '0.3' } }));
      try {
        const error = await rejectionOf(client({ retryPolicy: { budgetSeconds: 1 } }).send({ url: server.url() }));
        expect(error).toBeInstanceOf(PlatformError);
        expect(error).toMatchObject({ code: 'RATE_LIMIT', transient: false, retryAfterSeconds: 1 });
        expect((error as Error).message).toContain('the most one request may wait');
        // 0.3 s three times fits in 1 s; a fourth would not.
        expect(server.attempts()).toBe(4);
      } finally {
        await server.close();
      }
    });

    it('fails at once with RATE_LIMIT when the wait asked for is longer than allowed', async () => {
      const server = await serve(() => ({ status: 429, headers: { 'retry-after': '30' } }));
      try {
        const error = await rejectionOf(client().send({ url: server.url() }));
        expect(error).toMatchObject({ code: 'RATE_LIMIT', transient: false, retryAfterSeconds: 30 });
        expect(server.attempts()).toBe(1);
      } finally {
        await server.close();
      }
    });
  });

  describe('failures', () => {
    it('retries a server that does not answer in time, then fails transiently', async () => {
      const server = await serve(() => null);
      try {
        const error = await rejectionOf(
          client({ timeoutMs: 100, retryPolicy: { maxFailures: 1, failureBaseMs: 10 } }).send({ url: server.url() }),
        );
        expect(error).toBeInstanceOf(PlatformError);
        expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: true });
        expect((error as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/call failed: timed out$/);
      } finally {
        await server.close();
      }
    });

    it('retries a refused connection, then fails transiently naming the cause', async () => {
      const port = await freePort();
      const error = await rejectionOf(
        client({ retryPolicy: { maxFailures: 2, failureBaseMs: 5 } }).send({
          url: `http://127.0.0.1:${port}/api/auth.test`,
        }),
      );
      expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: true });
      expect((error as Error).message).toContain('ECONNREFUSED');
    });

    it('retries a 5xx without a wait a few times only', async () => {
      const server = await serve(() => ({ status: 500 }));
      try {
        const error = await rejectionOf(client({ retryPolicy: { failureBaseMs: 5 } }).send({ url: server.url() }));
        expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: true, options: { httpStatus: 500 } });
        expect(server.attempts()).toBe(4);
      } finally {
        await server.close();
      }
    });

    it('returns other client errors to the caller without retrying', async () => {
      const server = await serve(() => ({ status: 404, body: 'no such method' }));
      try {
        const response = await client().send({ url: server.url(), method: 'POST', body: 'a=1' });
        expect(response).toMatchObject({ status: 404, body: 'no such method' });
        expect(server.attempts()).toBe(1);
      } finally {
        await server.close();
      }
    });
  });
});
