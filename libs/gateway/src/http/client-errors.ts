import { maxHeaderSize, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { envelope } from './error-envelope';

/** How long a refused connection may stay open for the client to read the answer before it is cut. */
const LINGER_MS = 5_000;

interface ParserAnswer {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * Answers what Node's HTTP parser refuses before express sees it (an unknown method, headers over the
 * limit, broken framing, a request that arrives too slowly) and CONNECT, which has no route, in the error
 * envelope instead of Node's bare status line or a closed connection.
 */
export function answerParserErrorsInEnvelope(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // The client is gone: there is no one to answer.
    if (error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    refuse(socket, parserAnswer(error.code));
  });
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    refuse(socket, {
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: 'CONNECT is not supported: this is not a proxy',
    });
  });
}

function parserAnswer(code: string | undefined): ParserAnswer {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'REQUEST_HEADER_TOO_LARGE',
        message: `The request's headers are larger than the ${maxHeaderSize / 1024} KiB limit`,
        details: { limit_bytes: maxHeaderSize },
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'REQUEST_TIMEOUT', message: 'The request did not arrive in time' };
    case 'HPE_INVALID_METHOD':
      return {
        status: 400,
        code: 'MALFORMED_REQUEST',
        message: 'The request has an HTTP method this server does not know',
      };
    default:
      return {
        status: 400,
        code: 'MALFORMED_REQUEST',
        message: 'The request is not valid HTTP/1.1',
        details: { reason: code ?? 'unknown' },
      };
  }
}

/** Sockets already answered: the parser reports every further chunk of a broken request again. */
const answered = new WeakSet<Duplex>();

function refuse(socket: Duplex, answer: ParserAnswer): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  const inFlight = (socket as { _httpMessage?: ServerResponse | null })._httpMessage;
  const unfinished = inFlight && !inFlight.writableFinished ? inFlight : null;
  if (unfinished?.req.complete) {
    // A pipelined request broke behind one still being answered: that answer goes out first, whole.
    unfinished.once('finish', () => writeAnswer(socket, answer));
  } else if (!unfinished?.headersSent) {
    // The broken bytes are a new request, or the body of the one being read: the refusal is its answer.
    writeAnswer(socket, answer);
  } else {
    // An answer is under way to a request whose body broke: it can only be cut short, as Node would.
    socket.destroy();
    return;
  }
  // Ending (not destroying) lets the client read the answer: closing with its unread bytes pending would
  // reset the connection. What it still sends is read and dropped until it closes or the linger ends.
  socket.resume();
  const linger = setTimeout(() => socket.destroy(), LINGER_MS).unref();
  socket.once('close', () => clearTimeout(linger));
}

function writeAnswer(socket: Duplex, answer: ParserAnswer): void {
  if (!socket.writable) return;
  const body = JSON.stringify(envelope(answer.code, answer.message, answer.details));
  socket.end(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
