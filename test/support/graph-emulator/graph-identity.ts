import { randomBytes, randomUUID } from 'node:crypto';
import type { Json } from './graph-resources';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface AppRegistration {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

export interface TokenAnswer {
  status: number;
  body: Json;
}

/**
 * The Microsoft identity platform's token endpoint for the client-credentials flow, and the bearer
 * checks Graph makes: tokens it issued, until they expire, and tokens handed out directly.
 */
export class GraphIdentity {
  /** expires_in of the tokens issued. */
  tokenLifetimeSeconds = 3599;
  private readonly issued = new Map<string, number>();
  private readonly accepted = new Set<string>();

  constructor(readonly app: AppRegistration) {}

  /** A token Graph accepts as it is, as one obtained elsewhere would be (`credentials.token`). */
  acceptToken(token: string): void {
    this.accepted.add(token);
  }

  /** Every token stops working at once, as when the app's consent is revoked or tokens expire early. */
  revokeAll(): void {
    this.issued.clear();
    this.accepted.clear();
  }

  issueToken(tenant: string, form: URLSearchParams): TokenAnswer {
    if (tenant !== this.app.tenantId) {
      return oauthError(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID.`,
      );
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    }
    if (form.get('client_id') !== this.app.clientId) {
      return oauthError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.get('client_id') ?? ''}' was not found in the directory '${tenant}'.`,
      );
    }
    if (form.get('client_secret') !== this.app.clientSecret) {
      return oauthError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${this.app.clientId}'.`,
      );
    }
    if (form.get('scope') !== GRAPH_SCOPE) {
      return oauthError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${form.get('scope') ?? ''} is not valid.`,
      );
    }
    const token = `eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.${randomBytes(24).toString('base64url')}.`;
    this.issued.set(token, Date.now() + this.tokenLifetimeSeconds * 1000);
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: this.tokenLifetimeSeconds,
        ext_expires_in: this.tokenLifetimeSeconds,
        access_token: token,
      },
    };
  }

  /** Why Graph refuses this Authorization header, or null when it accepts it. */
  refusal(authorization: string | undefined): string | null {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return 'Access token is empty.';
    if (this.accepted.has(token)) return null;
    const expiresAt = this.issued.get(token);
    if (expiresAt === undefined) return 'IDX14100: JWT is not well formed, there are no dots (.).';
    if (Date.now() >= expiresAt) return 'Lifetime validation failed, the token is expired.';
    return null;
  }
}

function oauthError(status: number, error: string, code: number, description: string): TokenAnswer {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}
