import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { closeServer, listenLocally } from './local-http-server';

/** One request a receiver got, with what it answered. */
export interface ReceivedDelivery {
  path: string;
  deliveryId: string;
  eventType: string;
  attempt: number;
  timestamp: string;
  /** Whether X-Atlas-Signature is the documented HMAC of the body with the receiver's secret. */
  signed: boolean;
  body: any;
  /** When it arrived (Date.now()). */
  at: number;
  answered: number;
}

/**
 * A webhook receiver on 127.0.0.1: it checks each request's signature the way docs/WEBHOOKS.md tells a receiver
 * to (written here from that text, not with the product's own code), answers 500 to the first request of each
 * delivery id and 200 to every later one, and keeps what it got. It can be stopped and started again on its port.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private readonly failedOnce = new Set<string>();
  private server: Server | null = null;
  private port = 0;

  constructor(private readonly secret: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      void readBody(request).then((raw) => {
        const header = (name: string) => String(request.headers[name.toLowerCase()] ?? '');
        const deliveryId = header('X-Atlas-Delivery');
        const answered = this.failedOnce.has(deliveryId) ? 200 : 500;
        this.failedOnce.add(deliveryId);
        this.received.push({
          path: request.url ?? '',
          deliveryId,
          eventType: header('X-Atlas-Event'),
          attempt: Number(header('X-Atlas-Attempt')),
          timestamp: header('X-Atlas-Timestamp'),
          signed: this.verifies(header('X-Atlas-Timestamp'), raw, header('X-Atlas-Signature')),
          body: JSON.parse(raw),
          at: Date.now(),
          answered,
        });
        response.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'try again');
      });
    });
    await listenLocally(server, this.port);
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
    this.server = null;
  }

  /** The receiver's side of docs/WEBHOOKS.md: HMAC-SHA256 over `${timestamp}.${body}`, compared in constant time. */
  private verifies(timestamp: string, body: string, signature: string): boolean {
    const expected = Buffer.from(
      `sha256=${createHmac('sha256', this.secret).update(`${timestamp}.${body}`).digest('hex')}`,
    );
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
