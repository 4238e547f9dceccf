import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { AppError, ConflictError, NotFoundError, ValidationError } from '@atlas/common';
import type { AtlasConfig } from '@atlas/config';
import { createEvent, PLATFORMS } from '@atlas/events';
import { EventStore, WrongExpectedSequenceError } from '@atlas/messaging';
import { credentialDestinationChanges } from '@atlas/platforms';
import { ChannelsQueries, ConnectionsQueries, waitForProjection } from '@atlas/read-models';
import { ATLAS_CONFIG, READ_MODEL_STORE } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { ConnectionSnapshot, readConnection } from '@atlas/sync';
import { ConnectionsService, ConnectionView } from './connections.service';
import { ErrorBody } from '../http/error-envelope';
import { PlatformProbe } from './platform-probe';

export interface ConnectionChanges {
  name?: string;
  /** Keys to set; null or '' removes a key. */
  config?: Record<string, unknown>;
  credentials?: Record<string, string | undefined>;
}

/** POST /api/connections/{connection_id}/test */
export class ConnectionCheck {
  @ApiProperty() connection_id: string;
  @ApiProperty({ enum: PLATFORMS }) platform: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: 'string', format: 'date-time' }) checked_at: string;
  @ApiProperty({ type: 'integer' }) latency_ms: number;
  /** Channels the platform shows the connection; null when the check failed. */
  @ApiProperty({ type: 'integer', nullable: true, description: 'null when the check failed' })
  channels_visible: number | null;
  /** Registered channels the platform no longer shows (deleted, or access lost). */
  @ApiProperty({ type: [String], description: 'Registered channels the platform no longer shows' })
  channels_missing: string[];
  @ApiProperty({ type: ErrorBody, nullable: true, description: 'Why the check failed, as an error answer says it' })
  error: ErrorBody | null;
}

/**
 * Changing a connection after it was made: new settings or rotated credentials (checked against the
 * platform before anything is recorded), and checking that it still works without syncing.
 */
@Injectable()
export class ConnectionUpdatesService {
  constructor(
    private readonly events: EventStore,
    private readonly connections: ConnectionsService,
    private readonly connectionDocs: ConnectionsQueries,
    private readonly channels: ChannelsQueries,
    private readonly probe: PlatformProbe,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
  ) {}

  async update(connectionId: string, changes: ConnectionChanges): Promise<ConnectionView> {
    if (changes.name === undefined && changes.config === undefined && changes.credentials === undefined) {
      throw new ValidationError('Nothing to change: give name, config or credentials');
    }
    const { connection, seq } = await this.existing(connectionId);
    const config: Record<string, unknown> = { ...connection.config };
    for (const [key, value] of Object.entries(changes.config ?? {})) {
      if (value === null || value === '') delete config[key];
      else config[key] = value;
    }
    // Stored credentials only ever go where they were given for: a new destination needs them given again.
    const moved = credentialDestinationChanges(connection.platform, connection.config, config);
    if (moved.length > 0 && changes.credentials === undefined && connection.credentials !== null) {
      const settings = moved.map((key) => `config.${key}`);
      throw new ValidationError(
        `Changing ${settings.join(', ')} changes where the connection's credentials are sent: give the credentials again in the same request`,
        { settings },
      );
    }
    const credentials = changes.credentials ?? (connection.credentials && this.probe.open(connection.credentials));
    const settings = this.probe.checkedSettings(connection.platform, config, credentials);
    const changed = [
      ...(changes.name !== undefined && changes.name !== connection.name ? (['name'] as const) : []),
      ...(changes.config !== undefined ? (['config'] as const) : []),
      ...(changes.credentials !== undefined ? (['credentials'] as const) : []),
    ];
    // New settings or credentials must open the platform before they replace working ones.
    if (changed.some((part) => part !== 'name')) await this.probe.discover(connectionId, connection.platform, settings);

    const updated = createEvent(
      'ConnectionUpdated',
      {
        connection_id: connectionId,
        name: changes.name ?? connection.name,
        platform: connection.platform,
        config: settings.config,
        credentials:
          changes.credentials !== undefined && settings.credentials
            ? this.probe.seal(settings.credentials)
            : connection.credentials,
        changed,
      },
      { producer: 'gateway' },
    );
    const appended = await this.events.append(updated, { expectedLastSubjectSeq: seq }).catch((error: unknown) => {
      if (error instanceof WrongExpectedSequenceError) {
        throw new ConflictError(
          'CONNECTION_CHANGED',
          `Connection ${connectionId} changed meanwhile: read it again and retry`,
        );
      }
      throw error;
    });
    await waitForProjection(this.store, appended.seq, this.config.readYourWritesTimeoutMs);
    return this.connections.get(connectionId);
  }

  /** Opens the platform with the connection's credentials and lists what it sees; nothing is synced. */
  async test(connectionId: string): Promise<ConnectionCheck> {
    const { connection } = await this.existing(connectionId);
    const settings = {
      config: Object.fromEntries(
        Object.entries(connection.config).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
      credentials: connection.credentials && this.probe.open(connection.credentials),
    };
    const startedAt = Date.now();
    const result = {
      connection_id: connectionId,
      platform: connection.platform,
      checked_at: new Date(startedAt).toISOString(),
    };
    try {
      const visible = await this.probe.discover(connectionId, connection.platform, settings);
      const ids = new Set(visible.map((channel) => channel.channel_id));
      const registered = await this.channels.list({ connection_id: connectionId });
      return {
        ...result,
        ok: true,
        latency_ms: Date.now() - startedAt,
        channels_visible: visible.length,
        channels_missing: registered.map((channel) => channel.channel_id).filter((id) => !ids.has(id)),
        error: null,
      };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        ...result,
        ok: false,
        latency_ms: Date.now() - startedAt,
        channels_visible: null,
        channels_missing: [],
        error: { code: error.code, message: error.message, details: error.details },
      };
    }
  }

  private async existing(connectionId: string): Promise<ConnectionSnapshot> {
    const snapshot = await readConnection(this.events, connectionId);
    // The read model is asked too: a connection being deleted is already gone from the API's point of view.
    if (!snapshot || !(await this.connectionDocs.get(connectionId))) {
      throw new NotFoundError('CONNECTION_NOT_FOUND', `No connection ${connectionId}`);
    }
    return snapshot;
  }
}
