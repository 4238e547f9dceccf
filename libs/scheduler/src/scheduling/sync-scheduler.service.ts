import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { errorMessage } from '@atlas/common';
import { ALL_SCHEDULE_FIRINGS_SUBJECT, ALL_SCHEDULES_SUBJECT, AtlasEvent, EventDataOf } from '@atlas/events';
import { EventStore, LogEntry } from '@atlas/messaging';
import { latestSlotBetween, slotId } from '@atlas/sync';
import { fireSchedule } from './schedule-firing';

/**
 * A slot missed while no scheduler ran is still fired if it is at most this old. It must stay well
 * inside the stream's duplicate window, which is what keeps a re-fired slot from triggering twice.
 */
export const CATCH_UP_GRACE_MS = 5 * 60_000;

type Schedule = Pick<EventDataOf<'ScheduleUpdated'>, 'schedule' | 'timezone' | 'enabled'> & {
  /** When this version of the schedule was set: slots before it are not the schedule's to fire. */
  since: Date;
};

/**
 * Runs the channels' sync schedules as @nestjs/schedule cron jobs. Its view of the schedules comes
 * from the log (the latest ScheduleUpdated and ScheduleFired of each channel, then every new one), so
 * every scheduler instance agrees, and a restarted one knows which slots already fired.
 */
@Injectable()
export class SyncScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('SyncScheduler');
  private readonly schedules = new Map<string, Schedule>();
  private readonly lastFired = new Map<string, string>();
  private readonly firing = new Set<string>();
  private readonly stop = new AbortController();

  constructor(
    private readonly events: EventStore,
    private readonly registry: SchedulerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const followFrom = (await this.events.lastSequence()) + 1;
    for (const filter of [ALL_SCHEDULES_SUBJECT, ALL_SCHEDULE_FIRINGS_SUBJECT]) {
      for await (const message of this.events.read(filter, { latestPerSubject: true })) this.apply(message);
    }
    void this.follow(followFrom);
    await Promise.all([...this.schedules.keys()].map((channelId) => this.catchUp(channelId)));
  }

  onApplicationShutdown(): void {
    this.stop.abort();
    for (const channelId of this.schedules.keys()) this.unregister(channelId);
  }

  /** Fires a slot unless this scheduler knows it already fired; returns what was recorded. */
  async fire(channelId: string, slot: string): Promise<EventDataOf<'ScheduleFired'> | null> {
    const key = `${channelId}@${slot}`;
    if ((this.lastFired.get(channelId) ?? '') >= slot || this.firing.has(key)) return null;
    this.firing.add(key);
    try {
      const fired = await fireSchedule(this.events, channelId, slot);
      this.recordFired(channelId, slot);
      this.log.log(`${channelId} ${slot}: ${fired.outcome}${fired.reason ? ` (${fired.reason})` : ''}`, {
        channel_id: channelId,
        slot,
      });
      return fired;
    } finally {
      this.firing.delete(key);
    }
  }

  private async follow(fromSeq: number): Promise<void> {
    try {
      for await (const message of this.events.read('atlas.schedule.>', {
        fromSeq,
        follow: true,
        signal: this.stop.signal,
      })) {
        this.apply(message);
      }
    } catch (error) {
      if (!this.stop.signal.aborted) this.log.error(`stopped following schedules: ${errorMessage(error)}`);
    }
  }

  private apply(message: LogEntry): void {
    const event: AtlasEvent = message.decode();
    if (event.type === 'ScheduleFired') this.recordFired(event.data.channel_id, event.data.slot);
    if (event.type !== 'ScheduleUpdated') return;
    const { channel_id, schedule, timezone, enabled } = event.data;
    const current = { schedule, timezone, enabled, since: new Date(event.metadata.occurred_at) };
    this.schedules.set(channel_id, current);
    this.unregister(channel_id);
    if (enabled) this.register(channel_id, current);
  }

  private recordFired(channelId: string, slot: string): void {
    if ((this.lastFired.get(channelId) ?? '') < slot) this.lastFired.set(channelId, slot);
  }

  private register(channelId: string, schedule: Schedule): void {
    const job = CronJob.from({
      cronTime: schedule.schedule,
      timeZone: schedule.timezone,
      onTick: () => {
        this.fire(channelId, slotId(new Date())).catch((error) =>
          this.log.error(`firing ${channelId} failed: ${errorMessage(error)}`, { channel_id: channelId }),
        );
      },
    });
    this.registry.addCronJob(jobName(channelId), job);
    job.start();
  }

  private unregister(channelId: string): void {
    if (this.registry.doesExist('cron', jobName(channelId))) this.registry.deleteCronJob(jobName(channelId));
  }

  private async catchUp(channelId: string): Promise<void> {
    const schedule = this.schedules.get(channelId);
    if (!schedule?.enabled) return;
    const now = new Date();
    const from = new Date(Math.max(now.getTime() - CATCH_UP_GRACE_MS, schedule.since.getTime()));
    const missed = latestSlotBetween(schedule.schedule, schedule.timezone, from, now);
    if (missed) await this.fire(channelId, slotId(missed));
  }
}

const jobName = (channelId: string) => `sync-schedule:${channelId}`;
