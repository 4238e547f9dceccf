import { isIP, Socket } from 'node:net';

/**
 * A fence around this test process's sockets: a connection to an IP address off the loopback is
 * recorded and refused before the socket is opened, so a test of refused private or metadata
 * addresses cannot send traffic there even when the code under test regresses. Tests assert
 * `attempts` is empty: the witness that nothing tried.
 */
export class LoopbackFence {
  readonly attempts: string[] = [];
  private readonly original = Socket.prototype.connect;

  static raise(): LoopbackFence {
    const fence = new LoopbackFence();
    const original = fence.original;
    Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
      // net.connect and tls.connect pass their normalized arguments as one array.
      const first = Array.isArray(args[0]) ? args[0][0] : args[0];
      const options = (typeof first === 'object' && first !== null ? first : { host: args[1] }) as { host?: unknown };
      const host = typeof options.host === 'string' ? options.host.replace(/^\[|\]$/g, '') : undefined;
      if (host !== undefined && isIP(host) !== 0 && !isLoopback(host)) {
        fence.attempts.push(host);
        throw new Error(`the loopback fence refused a connection to ${host}`);
      }
      return (original as (...values: unknown[]) => Socket).apply(this, args);
    } as typeof Socket.prototype.connect;
    return fence;
  }

  lower(): void {
    Socket.prototype.connect = this.original;
  }
}

function isLoopback(host: string): boolean {
  return host === '::1' || host.startsWith('127.') || /^::ffff:127\./i.test(host);
}
