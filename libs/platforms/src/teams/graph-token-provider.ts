import { PlatformError } from '../platform-error';
import type { PlatformHttpClient } from '../http/platform-http-client';
import { TokenErrorBody, tokenEndpointError } from './graph-error-mapping';
import { parseJsonObject } from './graph-json';

export const MICROSOFT_LOGIN_ROOT = 'https://login.microsoftonline.com';
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** Renew at most this long before the token expires, so a request never goes out with a dying token. */
const MAX_RENEWAL_MARGIN_MS = 5 * 60_000;

/** Gives the bearer token for Graph requests. */
export interface GraphTokenProvider {
  token(signal?: AbortSignal): Promise<string>;
  /**
   * Called when Graph refused `token` with 401: returns true when a new token may help (one was
   * obtained through the client-credentials flow), false when the given token is all there is.
   */
  invalidate(token: string): boolean;
}

/** A bearer token given as it is (`credentials.token`): it cannot be renewed. */
export class StaticTokenProvider implements GraphTokenProvider {
  constructor(private readonly accessToken: string) {}

  token(): Promise<string> {
    return Promise.resolve(this.accessToken);
  }

  invalidate(): boolean {
    return false;
  }
}

export interface ClientCredentials {
  authRoot: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

interface CachedToken {
  value: string;
  renewAt: number;
}

/**
 * The OAuth 2.0 client-credentials flow of the Microsoft identity platform: an app-only token for
 * the application permissions granted to the app registration, cached until shortly before it expires.
 */
export class ClientCredentialsTokenProvider implements GraphTokenProvider {
  private cached: CachedToken | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly http: PlatformHttpClient,
    private readonly credentials: ClientCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  token(signal?: AbortSignal): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return Promise.resolve(this.cached.value);
    // Concurrent callers share one token request.
    this.pending ??= this.requestToken(signal).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  invalidate(token: string): boolean {
    if (this.cached?.value === token) this.cached = null;
    return true;
  }

  private async requestToken(signal: AbortSignal | undefined): Promise<string> {
    const { authRoot, tenantId, clientId, clientSecret } = this.credentials;
    const requestedAt = this.now();
    const response = await this.http.send({
      url: `${authRoot.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        scope: GRAPH_DEFAULT_SCOPE,
      }).toString(),
      signal,
    });
    const body = parseJsonObject(response.body);
    if (response.status !== 200) throw tokenEndpointError(response.status, body as TokenErrorBody | undefined);

    const accessToken = body?.access_token;
    const expiresIn = Number(body?.expires_in);
    if (typeof accessToken !== 'string' || accessToken === '' || !(expiresIn > 0)) {
      throw new PlatformError('PLATFORM_ERROR', 'The Microsoft identity platform answered without an access token', {
        transient: true,
        httpStatus: response.status,
      });
    }
    const lifetimeMs = expiresIn * 1000;
    const margin = Math.min(MAX_RENEWAL_MARGIN_MS, lifetimeMs / 2);
    this.cached = { value: accessToken, renewAt: requestedAt + lifetimeMs - margin };
    return accessToken;
  }
}
