import { connect } from 'node:net';

/** What came back on a raw socket: the parsed answer, if any, and whether the server reset the connection. */
export interface RawAnswer {
  status: number | null;
  headers: Record<string, string>;
  body: string;
  /** The connection ended with ECONNRESET (or another socket error) instead of a clean close. */
  socketError: string | null;
}

/**
 * Sends bytes over a plain TCP connection and reads until the server closes it: for requests a client
 * library refuses to send (unknown methods, oversized headers, broken encodings).
 */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let socketError: string | null = null;
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`no end of the answer within ${timeoutMs} ms: ${Buffer.concat(chunks).toString('latin1')}`));
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => (socketError = error.code ?? error.message));
    socket.on('close', () => resolve(parseAnswer(Buffer.concat(chunks).toString('utf8'), socketError)));
  });
}

/** A request line and headers (with Connection: close), and an optional body. */
export function rawHttp(method: string, path: string, headers: Record<string, string> = {}, body = ''): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== '') lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

function parseAnswer(text: string, socketError: string | null): RawAnswer {
  const headEnd = text.indexOf('\r\n\r\n');
  const head = headEnd === -1 ? text : text.slice(0, headEnd);
  const [statusLine, ...headerLines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = headEnd === -1 ? '' : text.slice(headEnd + 4);
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { status: status ? Number(status[1]) : null, headers, body, socketError };
}

function unchunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (lineEnd === -1 || !(size > 0)) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}
