import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './local-http-server';

/**
 * A local HTTP server that counts every TCP connection and request it gets and remembers their
 * headers: the witness that a refused request never left the gateway.
 */
export class CountingListener {
  connections = 0;
  readonly requests: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }> = [];

  private constructor(
    private readonly server: Server,
    readonly host: string,
  ) {
    server.on('connection', () => (this.connections += 1));
  }

  /** Answers with `answer` (200 `{"ok":true}` when not given); listens on 127.0.0.1 unless told `::1`. */
  static async start(
    answer: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
    host: '127.0.0.1' | '::1' = '127.0.0.1',
  ): Promise<CountingListener> {
    let listener: CountingListener | undefined;
    const server = createServer((request, response) => {
      listener!.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
      answer(request, response);
    });
    listener = new CountingListener(server, host);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    return listener;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** http://<host>:<port><path>, with the host written as `hostAs` (a name or an address form) when given. */
  url(path = '/', hostAs?: string): string {
    const host = hostAs ?? (this.host.includes(':') ? `[${this.host}]` : this.host);
    return `http://${host}:${this.port}${path}`;
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }
}
