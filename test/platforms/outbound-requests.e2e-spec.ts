import type { LookupAddress } from 'node:dns';
import { fetch } from 'undici';
import {
  HostLookup,
  outboundDispatcher,
  outboundFetch,
  OutboundRequestRefused,
  outboundRefusalOf,
  OutboundUrlPolicy,
  STRICT_OUTBOUND_POLICY,
} from '@atlas/outbound';
import { PlatformError, PlatformHttpClient } from '@atlas/platforms';
import { connect, Socket } from 'node:net';
import * as tls from 'node:tls';
import { CountingListener } from '../support/counting-listener';
import { LoopbackFence } from '../support/loopback-fence';
import { rejectionOf } from './slack-fixtures';

/** Plain http allowed (the listeners speak no TLS), addresses as the test says. */
const httpOnly: OutboundUrlPolicy = { ...STRICT_OUTBOUND_POLICY, allowHttp: true };
const httpAndPrivate: OutboundUrlPolicy = { ...httpOnly, allowPrivateAddresses: true };

/** A resolver that knows one name, as a DNS server under someone else's control would answer it. */
function resolverOf(name: string, address: string): { lookup: HostLookup; asked: string[] } {
  const asked: string[] = [];
  const lookup: HostLookup = (hostname, _options, callback) => {
    asked.push(hostname);
    const answer: LookupAddress[] = hostname === name ? [{ address, family: address.includes(':') ? 6 : 4 }] : [];
    if (answer.length === 0) callback(Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' }), []);
    else callback(null, answer);
  };
  return { lookup, asked };
}

describe('outbound requests', () => {
  let listener: CountingListener;
  beforeEach(async () => (listener = await CountingListener.start()));
  afterEach(() => listener.close());

  it('refuses plain http and loopback addresses by default, before connecting', async () => {
    for (const url of [listener.url('/api'), listener.url('/api').replace('http:', 'https:')]) {
      const error = await rejectionOf(outboundFetch(url, {}, STRICT_OUTBOUND_POLICY));
      expect(error).toBeInstanceOf(OutboundRequestRefused);
    }
    const error = await rejectionOf(outboundFetch(listener.url('/api'), {}, httpOnly));
    expect((error as Error).message).toMatch(/127\.0\.0\.1, which is a loopback or private-network address/);
    expect(listener.connections).toBe(0);
  });

  it('refuses the forms of 127.0.0.1 that URL parsing normalizes, and IPv4-mapped IPv6', async () => {
    for (const host of ['2130706433', '0177.0.0.1', '0x7f000001', '127.1', '[::ffff:127.0.0.1]']) {
      const error = await rejectionOf(outboundFetch(listener.url('/', host), {}, httpOnly));
      expect(error).toBeInstanceOf(OutboundRequestRefused);
    }
    expect(listener.connections).toBe(0);
  });

  it('refuses the IPv6 loopback', async () => {
    const v6 = await CountingListener.start(undefined, '::1');
    try {
      const error = await rejectionOf(outboundFetch(v6.url('/'), {}, httpOnly));
      expect((error as Error).message).toMatch(/::1, which is a loopback/);
      expect(v6.connections).toBe(0);
    } finally {
      await v6.close();
    }
  });

  it('checks a host name after resolution: a name that resolves to a loopback address is refused at connect time', async () => {
    const resolver = resolverOf('chat.example.test', '127.0.0.1');
    const url = listener.url('/api', 'chat.example.test');
    const error = await rejectionOf(outboundFetch(url, {}, httpOnly, resolver.lookup));
    // The URL alone looked fine: the refusal came from the resolved address.
    expect(resolver.asked).toEqual(['chat.example.test']);
    expect(outboundRefusalOf(error)?.message).toBe(
      'chat.example.test resolves to 127.0.0.1, which is a loopback or private-network address (allowed only with ATLAS_ALLOW_PRIVATE_PLATFORM_URLS=true or the host in ATLAS_ALLOWED_PLATFORM_HOSTS)',
    );
    expect(listener.connections).toBe(0);

    // The same request where private addresses are allowed goes through: it is the policy that refused it.
    const answer = await outboundFetch(url, {}, httpAndPrivate, resolverOf('chat.example.test', '127.0.0.1').lookup);
    expect(answer.status).toBe(200);
    expect(listener.requests).toHaveLength(1);
  });

  it('checks the system resolver too: localhost resolves to a loopback address', async () => {
    // Past the URL check (which refuses localhost by name) straight to the dispatcher, with the real resolver.
    const error = await rejectionOf(
      fetch(listener.url('/', 'localhost'), { dispatcher: outboundDispatcher({ ...httpOnly }) }),
    );
    expect(outboundRefusalOf(error)?.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), which is a loopback/);
    expect(listener.connections).toBe(0);
  });

  describe('an allowed host that redirects to a forbidden one', () => {
    let forbidden: CountingListener;
    let redirecting: CountingListener;
    const allowLoopbackIp: OutboundUrlPolicy = { ...httpOnly, allowedHosts: ['127.0.0.1'] };

    beforeEach(async () => {
      forbidden = await CountingListener.start(undefined, '::1');
      redirecting = await CountingListener.start((_request, response) =>
        response.writeHead(302, { location: forbidden.url('/steal') }).end(),
      );
    });
    afterEach(async () => {
      await forbidden.close();
      await redirecting.close();
    });

    it('is answered with the redirect, which is not followed', async () => {
      const answer = await outboundFetch(redirecting.url('/api'), {}, allowLoopbackIp);
      expect(answer.status).toBe(302);
      expect(redirecting.requests).toHaveLength(1);
      expect(forbidden.connections).toBe(0);
    });

    it('is refused at the hop even by a fetch that follows redirects, since every connection is checked', async () => {
      const error = await rejectionOf(
        fetch(redirecting.url('/api'), { redirect: 'follow', dispatcher: outboundDispatcher(allowLoopbackIp) }),
      );
      expect(outboundRefusalOf(error)?.message).toMatch(/^::1 is a loopback or private-network address/);
      expect(redirecting.requests).toHaveLength(1);
      expect(forbidden.connections).toBe(0);
    });

    it('fails a platform request for good, naming the redirect, and sends the token nowhere else', async () => {
      const client = new PlatformHttpClient({ maxRetryAfterSeconds: 1, outboundPolicy: allowLoopbackIp });
      const error = await rejectionOf(
        client.send({ url: redirecting.url('/api/conversations.list'), headers: { authorization: 'Bearer xoxb-1' } }),
      );
      expect(error).toBeInstanceOf(PlatformError);
      expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: false });
      expect((error as Error).message).toContain('HTTP 302 (a redirect, which is not followed)');
      expect(redirecting.requests).toHaveLength(1);
      expect(forbidden.connections).toBe(0);
    });
  });

  it('makes a platform client without a policy refuse what the strict policy refuses, at once and for good', async () => {
    const client = new PlatformHttpClient({
      maxRetryAfterSeconds: 1,
      retryPolicy: { maxFailures: 3, failureBaseMs: 5 },
    });
    const error = await rejectionOf(client.send({ url: listener.url('/api/auth.test') }));
    expect(error).toMatchObject({ code: 'PLATFORM_ERROR', transient: false });
    expect((error as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/api\/auth\.test was not sent: /);
    expect(listener.connections).toBe(0);
  });
});

describe('the loopback fence that tests of refused addresses rely on', () => {
  it('refuses a socket to an address off the loopback before it opens, and lets loopback ones through', () => {
    // The sockets under the fence are stubs: nothing is opened, whatever the fence does.
    const opened: unknown[] = [];
    const real = Socket.prototype.connect;
    Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
      opened.push(args);
      return this;
    } as typeof Socket.prototype.connect;
    const fence = LoopbackFence.raise();
    try {
      expect(() => connect({ host: '10.0.0.1', port: 9 })).toThrow(/loopback fence/);
      expect(() => tls.connect({ host: '169.254.169.254', port: 443 })).toThrow(/loopback fence/);
      expect(() => connect({ host: '::ffff:10.0.0.1', port: 9 })).toThrow(/loopback fence/);
      connect({ host: '127.0.0.1', port: 9 });
      connect({ host: '::1', port: 9 });
      expect(fence.attempts).toEqual(['10.0.0.1', '169.254.169.254', '::ffff:10.0.0.1']);
      expect(opened).toHaveLength(2);
    } finally {
      fence.lower();
      Socket.prototype.connect = real;
    }
  });
});
