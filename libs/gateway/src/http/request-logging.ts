import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as Pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { withoutSecretParams, withRequestLogger } from '@atlas/runtime';

/** A request id a client may choose: short, printable, nothing that could split a header or a log line. */
const SANE_REQUEST_ID = /^[\w.:@/=+-]{1,128}$/;
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * One line per HTTP request (method, path with secret query values masked, status, duration_ms), and a
 * request id for each: the client's X-Request-Id when it is sane, a new UUID otherwise, echoed in the
 * answer. Every line logged while the request is served (through Nest's Logger) carries it as request_id.
 * Mounted before anything else, so even a refused key or an oversized body gets an id.
 */
export function requestLogging(root: Pino) {
  const logRequest = pinoHttp({
    logger: root,
    // Lines logged while serving carry the request id alone; the request itself is on the final line.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'request_id', responseTime: 'duration_ms' },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const sent = req.headers['x-request-id'];
      const id = typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    serializers: {
      // Headers are left out: they carry the API key, and nothing in them explains a request better.
      req: (req: { method: string; url: string }) => ({ method: req.method, url: withoutSecretParams(req.url) }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: (req, res) => summary(req, res),
    customErrorMessage: (req, res) => summary(req, res),
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    logRequest(req, res);
    withRequestLogger(req.log, next);
  };
}

/** `GET /api/sync/status?channel_id=C1 200`: express rewrites req.url while routing, originalUrl stays. */
function summary(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse): string {
  return `${req.method} ${withoutSecretParams(req.originalUrl ?? req.url ?? '')} ${res.statusCode}`;
}
