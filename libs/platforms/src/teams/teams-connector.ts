import type {
  ConnectionSettings,
  ConnectorOptions,
  DiscoveredChannel,
  FetchedPage,
  FetchRequest,
  PlatformConnector,
} from '../connector';
import { connectorHttpClient, PlatformHttpClient } from '../http/platform-http-client';
import { PlatformError } from '../platform-error';
import { GRAPH_PAGE_LIMIT, GRAPH_ROOT, GraphClient } from './graph-client';
import {
  ClientCredentialsTokenProvider,
  GraphTokenProvider,
  MICROSOFT_LOGIN_ROOT,
  StaticTokenProvider,
} from './graph-token-provider';
import type { GraphChannel } from './graph-types';
import { TeamsChannelWalk } from './teams-channel-walk';
import { decodeTeamsCursor } from './teams-cursor';
import { decodeTeamsPageToken, TeamsPagePosition } from './teams-page-token';

/**
 * How far before the previous fetch began a delta round looks for changes: Graph's timestamps come
 * from many front ends whose clocks drift, and a change seen twice costs less than one missed.
 */
const CHANGE_WINDOW_MARGIN_MS = 5 * 60_000;

/**
 * A Microsoft Teams team through Microsoft Graph v1.0. `config.team_id` names the team whose channels
 * are synced; `config.base_url` points at another Graph root (a test emulator). Authentication is a
 * bearer token given as is (`credentials.token`), or the client-credentials flow: `config.tenant_id`,
 * `config.client_id` and `credentials.client_secret` against `config.auth_url` (the Microsoft identity
 * platform by default).
 */
export class TeamsConnector implements PlatformConnector {
  readonly platform = 'teams' as const;
  private readonly api: GraphClient;
  private readonly teamId: string | undefined;

  constructor(settings: ConnectionSettings, options: ConnectorOptions) {
    // Graph throttles an app per tenant and service: one bucket for Graph, one for the token endpoint (their origins).
    const http = connectorHttpClient(options, { platform: this.platform });
    this.teamId = settings.config.team_id?.trim() || undefined;
    this.api = new GraphClient(http, settings.config.base_url || GRAPH_ROOT, tokenProvider(http, settings));
  }

  async discoverChannels(signal?: AbortSignal): Promise<DiscoveredChannel[]> {
    const teamId = this.requireTeamId();
    const channels: DiscoveredChannel[] = [];
    let next: string | null = null;
    do {
      const { body } = await this.api.listChannels(teamId, next, signal);
      channels.push(...(body.value ?? []).map(toDiscoveredChannel));
      next = body['@odata.nextLink'] || null;
    } while (next !== null);
    return channels;
  }

  async *fetchMessages(request: FetchRequest): AsyncGenerator<FetchedPage> {
    const teamId = this.requireTeamId();
    // The channel first: an unknown one fails before any message call, and its creation bounds the walk.
    const channel = await this.api.getChannel(teamId, request.channelId, request.signal);
    const createdMs = Date.parse(channel.body.createdDateTime ?? '');
    const channelPath = this.api.channelPath(teamId, request.channelId);
    const start = request.resume?.token
      ? decodeTeamsPageToken(request.resume.token)
      : startPosition(channelPath, request.since, channel.date);
    const walk = new TeamsChannelWalk(
      this.api,
      {
        channelId: request.channelId,
        channelCreatedMs: Number.isNaN(createdMs) ? null : createdMs,
        restartDelta: (changedAfter) => deltaRoundUrl(channelPath, changedAfter),
      },
      request,
      start,
    );
    yield* walk.pages();
  }

  private requireTeamId(): string {
    if (this.teamId) return this.teamId;
    throw new PlatformError('PLATFORM_ERROR', 'The Teams connection has no config.team_id', { transient: false });
  }
}

function tokenProvider(http: PlatformHttpClient, settings: ConnectionSettings): GraphTokenProvider {
  const { config, credentials } = settings;
  if (credentials?.token) return new StaticTokenProvider(credentials.token);
  const tenantId = config.tenant_id?.trim();
  const clientId = config.client_id?.trim();
  const clientSecret = credentials?.client_secret;
  if (!tenantId || !clientId || !clientSecret) return new MissingCredentials();
  return new ClientCredentialsTokenProvider(http, {
    authRoot: config.auth_url || MICROSOFT_LOGIN_ROOT,
    tenantId,
    clientId,
    clientSecret,
  });
}

/** Neither a token nor a complete set of client credentials: every call fails the same way. */
class MissingCredentials implements GraphTokenProvider {
  token(): Promise<string> {
    return Promise.reject(
      new PlatformError(
        'AUTH_ERROR',
        'The Teams connection needs credentials.token, or config.tenant_id, config.client_id and credentials.client_secret',
        { transient: false },
      ),
    );
  }

  invalidate(): boolean {
    return false;
  }
}

function startPosition(channelPath: string, since: string | null, graphNow: Date): TeamsPagePosition {
  const startedAt = graphNow.toISOString();
  const progress = { fetched: 0, newest: null, oldest: null };
  if (since === null) {
    const page = `${channelPath}/messages?$top=${GRAPH_PAGE_LIMIT}&$expand=replies`;
    return { mode: 'history', startedAt, changedAfter: null, page, step: { kind: 'roots' }, progress };
  }
  const cursor = decodeTeamsCursor(since);
  const changedAfter = new Date(Date.parse(cursor.since) - CHANGE_WINDOW_MARGIN_MS).toISOString();
  const page = cursor.delta ?? deltaRoundUrl(channelPath, changedAfter);
  return { mode: 'delta', startedAt, changedAfter, page, step: { kind: 'roots' }, progress };
}

/** A delta round over the reply chains created or changed after `changedAfter`, replies expanded. */
function deltaRoundUrl(channelPath: string, changedAfter: string): string {
  const filter = encodeURIComponent(`lastModifiedDateTime gt ${changedAfter}`);
  return `${channelPath}/messages/delta?$top=${GRAPH_PAGE_LIMIT}&$expand=replies&$filter=${filter}`;
}

function toDiscoveredChannel(channel: GraphChannel): DiscoveredChannel {
  return {
    channel_id: channel.id,
    name: channel.displayName,
    topic: channel.description || null,
    // Private and shared channels are open to their own members only, not to the whole team.
    is_private: channel.membershipType === 'private' || channel.membershipType === 'shared',
    message_count_hint: null,
  };
}
