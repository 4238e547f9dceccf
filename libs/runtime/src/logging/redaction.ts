/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';

/** Field names that hold a secret wherever they appear in a log line (top level or one object down). */
const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'api_key',
  'apiKey',
  'token',
  'access_token',
  'refresh_token',
  'bot_token',
  'password',
  'secret',
  'client_secret',
  'secret_key',
  'secretKey',
  'credentials',
];

/**
 * pino's redact paths: the secret fields above at the top of a line and one or two objects down
 * (`{config: {token}}`, `{connection: {credentials: {token}}}`), and the request headers that carry a key.
 */
export const REDACTED_PATHS = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

/** Query parameters whose value is a secret (an EventSource cannot send a header, so a token can sit in the URL). */
const SECRET_PARAM = /token|key|secret|password|signature|sig$/i;

/** The URL with the value of every secret-looking query parameter replaced. */
export function withoutSecretParams(url: string): string {
  const query = url.indexOf('?');
  if (query === -1) return url;
  const params = new URLSearchParams(url.slice(query + 1));
  let changed = false;
  for (const name of new Set(params.keys())) {
    if (!SECRET_PARAM.test(name)) continue;
    params.set(name, REDACTED);
    changed = true;
  }
  return changed ? `${url.slice(0, query)}?${params.toString()}` : url;
}

/** A message text with any `Bearer <token>` in it masked: error messages sometimes echo a header. */
export function withoutBearerTokens(text: string): string {
  return text.replace(/(\bBearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`);
}
