import { once } from 'node:events';
import type { Request, Response } from 'express';
import { sseComment } from './sync-event-messages';

/**
 * One open Server-Sent Events response: its headers, heartbeats, and writes that wait while the client
 * reads slowly (so a slow client holds back its own stream, never the gateway's memory). `signal` aborts
 * when the client goes away or the gateway closes the stream.
 */
export class SseConnection {
  private readonly abort = new AbortController();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    request: Request,
    private readonly response: Response,
    heartbeatSeconds: number,
  ) {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    // no-transform: a compressing proxy would hold events back to fill its buffers.
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    // nginx buffers proxied answers unless told not to.
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    request.socket.setNoDelay(true);
    const gone = () => this.close();
    request.on('close', gone);
    response.on('close', gone);
    response.on('error', gone);
    this.heartbeat = setInterval(() => {
      // A client that does not read gets no more heartbeats piled onto its buffer.
      if (!this.response.writableNeedDrain) this.response.write(sseComment('heartbeat'));
    }, heartbeatSeconds * 1000);
    this.heartbeat.unref();
    response.write(sseComment('connected'));
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get closed(): boolean {
    return this.abort.signal.aborted;
  }

  /** Writes one message; resolves once the client's buffer has room for more, or the stream closed. */
  async write(text: string): Promise<void> {
    if (this.closed) return;
    if (this.response.write(text)) return;
    await once(this.response, 'drain', { signal: this.signal }).catch(() => undefined);
  }

  close(): void {
    if (this.closed) return;
    clearInterval(this.heartbeat);
    this.abort.abort(new Error('event stream closed'));
    if (!this.response.writableEnded) this.response.end();
  }
}
