import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { isoSeconds, NotFoundError, ValidationError } from '@atlas/common';
import type { AtlasConfig } from '@atlas/config';
import { channelSubject, createEvent } from '@atlas/events';
import { EventStore } from '@atlas/messaging';
import { ScheduleDoc, SchedulesQueries, waitForProjection } from '@atlas/read-models';
import { ATLAS_CONFIG, READ_MODEL_STORE } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { channelStateOf, InvalidScheduleError, nextSlot, validateSchedule } from '@atlas/sync';

class ScheduleSkipView {
  @ApiProperty({ type: 'string', format: 'date-time', description: 'The slot that fired' }) slot: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: 'string', nullable: true }) active_job_id: string | null;
}

export class ScheduleView {
  @ApiProperty() channel_id: string;
  @ApiProperty({ example: '0 */4 * * *' }) schedule: string;
  @ApiProperty({ example: 'UTC' }) timezone: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'null while disabled' })
  next_sync: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) last_sync: string | null;
  /** The last firing that found the channel busy, if any. */
  @ApiProperty({ type: ScheduleSkipView, nullable: true, description: 'The last firing that found the channel busy' })
  last_skip: ScheduleDoc['last_skip'];
}

export class SchedulesListView {
  @ApiProperty({ type: [ScheduleView] }) schedules: ScheduleView[];
}

@Injectable()
export class SchedulesService {
  constructor(
    private readonly events: EventStore,
    private readonly schedules: SchedulesQueries,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
  ) {}

  async list(channelId: string | undefined, now = new Date()): Promise<SchedulesListView> {
    const docs = channelId
      ? [await this.schedules.get(channelId)].filter((d) => d !== null)
      : await this.schedules.list();
    return { schedules: docs.map((doc) => scheduleView(doc, now)) };
  }

  async update(input: {
    channel_id: string;
    schedule: string;
    enabled: boolean;
    timezone: string;
  }): Promise<ScheduleView> {
    const schedule = input.schedule.trim().split(/\s+/).join(' ');
    try {
      validateSchedule(schedule, input.timezone);
    } catch (error) {
      if (error instanceof InvalidScheduleError) throw new ValidationError(error.message, { field: error.field });
      throw error;
    }
    const { state } = channelStateOf(await this.events.lastEntry(channelSubject(input.channel_id)));
    if (state.status === 'unregistered') {
      throw new NotFoundError('CHANNEL_NOT_FOUND', `Channel ${input.channel_id} does not exist`, {
        channel_id: input.channel_id,
      });
    }
    const { seq } = await this.events.append(
      createEvent(
        'ScheduleUpdated',
        { channel_id: input.channel_id, schedule, timezone: input.timezone, enabled: input.enabled },
        { producer: 'gateway' },
      ),
    );
    await waitForProjection(this.store, seq, this.config.readYourWritesTimeoutMs);
    const doc = await this.schedules.get(input.channel_id);
    if (!doc)
      throw new Error(`schedule of ${input.channel_id} is not in the read models after its write was projected`);
    return scheduleView(doc, new Date());
  }
}

function scheduleView(doc: ScheduleDoc, now: Date): ScheduleView {
  return {
    channel_id: doc.channel_id,
    schedule: doc.schedule,
    timezone: doc.timezone,
    enabled: doc.enabled,
    next_sync: doc.enabled ? isoSeconds(nextSlot(doc.schedule, doc.timezone, now)) : null,
    last_sync: doc.last_sync,
    last_skip: doc.last_skip,
  };
}
