import type { IncomingMessage } from 'node:http';
import type { Params } from './slack-api-methods';

/** Query parameters and the body, form-encoded or JSON, merged as Slack reads them. */
export async function readParams(request: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if (body === '') return params;

  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('application/json')) {
    const json = JSON.parse(body) as Record<string, unknown>;
    for (const [name, value] of Object.entries(json)) {
      params[name] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  } else {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
  }
  return params;
}

/** The token of `Authorization: Bearer …`, or the legacy `token` parameter. */
export function readToken(request: IncomingMessage, params: Params): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? params.token ?? null;
}
