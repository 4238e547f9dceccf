import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ConflictError, newId, NotFoundError } from '@atlas/common';
import type { AtlasConfig } from '@atlas/config';
import { createEvent, EventDataOf, PLATFORMS } from '@atlas/events';
import type { Platform } from '@atlas/events';
import { EventStore, WrongExpectedSequenceError } from '@atlas/messaging';
import type { DiscoveredChannel } from '@atlas/platforms';
import {
  ChannelDoc,
  ChannelsQueries,
  ConnectionDoc,
  ConnectionsQueries,
  JobsQueries,
  SchedulesQueries,
  waitForProjection,
} from '@atlas/read-models';
import { ATLAS_CONFIG, READ_MODEL_STORE } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { cancelSync, decideOnChannel, decideOnJob, registerChannel, removeChannel } from '@atlas/sync';
import { ConnectionHealth, connectionHealth } from './connection-health';
import { PlatformProbe } from './platform-probe';

export interface NewConnection {
  name: string;
  platform: Platform;
  config: Record<string, unknown>;
  credentials: Record<string, string | undefined> | null;
  /** Set only for the demo connection `npm start` registers, so restarts find it again. */
  connection_id?: string;
}

export class ChannelSummary {
  @ApiProperty() channel_id: string;
  @ApiProperty() name: string;
  @ApiProperty() connection_id: string;
  @ApiProperty({ enum: PLATFORMS }) platform: Platform;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) last_sync: string | null;
}

export class ConnectionView {
  @ApiProperty() connection_id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLATFORMS }) platform: Platform;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Settings; never secrets' })
  config: Record<string, string | undefined>;
  @ApiProperty() has_credentials: boolean;
  @ApiProperty({ type: 'string', format: 'date-time' }) created_at: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) updated_at: string | null;
  @ApiProperty({ type: [ChannelSummary] }) channels: ChannelSummary[];
  @ApiProperty({
    type: ConnectionHealth,
    description: "From its channels' latest finished jobs; the platform is not asked",
  })
  health: ConnectionHealth;
}

export class SkippedChannelView extends ChannelSummary {
  @ApiProperty({ example: 'channel already belongs to another connection' }) reason: string;
}

/** POST /api/connections */
export class CreatedConnectionView extends ConnectionView {
  @ApiProperty({ type: [SkippedChannelView], description: 'Channels the platform shows that were not registered' })
  channels_skipped: SkippedChannelView[];
}

export class ConnectionsListView {
  @ApiProperty({ type: [ConnectionView] }) connections: ConnectionView[];
}

export class ChannelsListView {
  @ApiProperty({ type: [ChannelSummary] }) channels: ChannelSummary[];
}

/** DELETE /api/connections/{connection_id} */
export class DeletedConnectionView {
  @ApiProperty() connection_id: string;
  @ApiProperty({ enum: [true] }) deleted: true;
  @ApiProperty({ type: [String], description: 'Their syncs were cancelled and schedules disabled' })
  channels_removed: string[];
}

/**
 * Connections to chat platforms. Creating one checks it against the platform by discovering its
 * channels; credentials are sealed (AES-256-GCM) before they enter the event that records the
 * connection, and no answer ever contains them.
 */
@Injectable()
export class ConnectionsService {
  constructor(
    private readonly events: EventStore,
    private readonly connections: ConnectionsQueries,
    private readonly channels: ChannelsQueries,
    private readonly jobs: JobsQueries,
    private readonly schedules: SchedulesQueries,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
    private readonly probe: PlatformProbe,
  ) {}

  async create(input: NewConnection): Promise<CreatedConnectionView> {
    const settings = this.probe.checkedSettings(input.platform, input.config, input.credentials);
    const connectionId = input.connection_id ?? newId('conn');
    const discovered = await this.probe.discover(connectionId, input.platform, settings);

    const created = createEvent(
      'ConnectionCreated',
      {
        connection_id: connectionId,
        name: input.name,
        platform: input.platform,
        config: settings.config,
        credentials: settings.credentials ? this.probe.seal(settings.credentials) : null,
      },
      { producer: 'gateway' },
    );
    let lastSeq = (
      await this.events.append(created, { expectedLastSubjectSeq: 0 }).catch((error) => {
        if (error instanceof WrongExpectedSequenceError) {
          throw new ConflictError('CONNECTION_EXISTS', `Connection ${connectionId} already exists`);
        }
        throw error;
      })
    ).seq;

    const skipped: SkippedChannelView[] = [];
    for (const channel of discovered) {
      const outcome = await decideOnChannel(
        this.events,
        channel.channel_id,
        registerChannel(registration(connectionId, input.platform, channel), 'gateway'),
      );
      if (outcome.outcome === 'registered') lastSeq = Math.max(lastSeq, outcome.seq);
      if (outcome.outcome === 'held_elsewhere') {
        skipped.push({
          ...summary(connectionId, input.platform, channel),
          reason: 'channel already belongs to another connection',
        });
      }
    }
    await waitForProjection(this.store, lastSeq, this.config.readYourWritesTimeoutMs);
    return { ...(await this.get(connectionId)), channels_skipped: skipped };
  }

  async list(): Promise<ConnectionsListView> {
    const docs = await this.connections.list();
    return { connections: await Promise.all(docs.map((doc) => this.view(doc))) };
  }

  async get(connectionId: string): Promise<ConnectionView> {
    const doc = await this.connections.get(connectionId);
    if (!doc) throw new NotFoundError('CONNECTION_NOT_FOUND', `No connection ${connectionId}`);
    return this.view(doc);
  }

  /**
   * Deletes a connection: its running syncs are cancelled, its channels removed and their schedules
   * disabled. The knowledge already extracted from them stays.
   */
  async delete(connectionId: string): Promise<DeletedConnectionView> {
    const connection = await this.connections.get(connectionId);
    if (!connection) throw new NotFoundError('CONNECTION_NOT_FOUND', `No connection ${connectionId}`);
    let lastSeq = 0;
    const removed: string[] = [];
    for (const channel of await this.channels.list({ connection_id: connectionId })) {
      lastSeq = Math.max(lastSeq, await this.removeChannel(channel));
      removed.push(channel.channel_id);
    }
    const { seq } = await this.events.append(
      createEvent('ConnectionDeleted', { connection_id: connectionId }, { producer: 'gateway' }),
    );
    await waitForProjection(this.store, Math.max(seq, lastSeq), this.config.readYourWritesTimeoutMs);
    return { connection_id: connectionId, deleted: true, channels_removed: removed };
  }

  private async removeChannel(channel: ChannelDoc): Promise<number> {
    let lastSeq = 0;
    for (;;) {
      const outcome = await decideOnChannel(
        this.events,
        channel.channel_id,
        removeChannel(channel.channel_id, channel.connection_id, 'gateway'),
      );
      if (outcome.outcome === 'removed') lastSeq = outcome.seq;
      if (outcome.outcome !== 'busy') break;
      const job = await this.jobs.get(outcome.job_id);
      if (!job) throw new Error(`job ${outcome.job_id} holds ${channel.channel_id} but is not in the read models yet`);
      await decideOnJob(
        this.events,
        job,
        cancelSync({
          job_id: job.job_id,
          channel_id: job.channel_id,
          connection_id: job.connection_id,
          previous_cursor: job.previous_cursor,
          reason: 'connection_deleted',
          producer: 'gateway',
        }),
      );
    }
    const schedule = await this.schedules.get(channel.channel_id);
    if (schedule?.enabled) {
      const disabled = createEvent(
        'ScheduleUpdated',
        { ...pickSchedule(schedule), enabled: false },
        { producer: 'gateway' },
      );
      lastSeq = Math.max(lastSeq, (await this.events.append(disabled)).seq);
    }
    return lastSeq;
  }

  async view(doc: ConnectionDoc): Promise<ConnectionView> {
    const channels = await this.channels.list({ connection_id: doc.connection_id });
    const latestFinished = await Promise.all(
      channels.map((channel) => this.jobs.latestFinishedOfChannel(channel.channel_id)),
    );
    return {
      connection_id: doc.connection_id,
      name: doc.name,
      platform: doc.platform,
      config: doc.config,
      has_credentials: doc.has_credentials,
      created_at: doc.created_at,
      updated_at: doc.updated_at ?? null,
      channels: channels.map(channelSummary),
      health: connectionHealth(latestFinished),
    };
  }
}

export function channelSummary(doc: ChannelDoc): ChannelSummary {
  return {
    channel_id: doc.channel_id,
    name: doc.name,
    connection_id: doc.connection_id,
    platform: doc.platform,
    last_sync: doc.last_sync,
  };
}

function summary(connectionId: string, platform: Platform, channel: DiscoveredChannel): ChannelSummary {
  return { channel_id: channel.channel_id, name: channel.name, connection_id: connectionId, platform, last_sync: null };
}

function registration(
  connectionId: string,
  platform: Platform,
  channel: DiscoveredChannel,
): EventDataOf<'ChannelRegistered'> {
  return {
    channel_id: channel.channel_id,
    connection_id: connectionId,
    platform,
    name: channel.name,
    topic: channel.topic,
    is_private: channel.is_private,
    message_count_hint: channel.message_count_hint,
  };
}

function pickSchedule(doc: { channel_id: string; schedule: string; timezone: string }) {
  return { channel_id: doc.channel_id, schedule: doc.schedule, timezone: doc.timezone };
}
