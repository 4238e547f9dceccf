import { createEvent, EventDataOf } from '@atlas/events';
import { EventStore } from '@atlas/messaging';
import { decideOnChannel, requestSync, scheduledJobId } from '@atlas/sync';

/**
 * Fires one cron slot of a channel's schedule: requests a sync whose job id is derived from the channel
 * and the slot, then records the firing. Any number of scheduler instances (or a restarted one) may fire
 * the same slot: the job id, the event ids and the channel's one-job rule make it trigger once.
 */
export async function fireSchedule(
  events: EventStore,
  channelId: string,
  slot: string,
): Promise<EventDataOf<'ScheduleFired'>> {
  const jobId = scheduledJobId(channelId, slot);
  const outcome = await decideOnChannel(
    events,
    channelId,
    requestSync({
      job_id: jobId,
      channel_id: channelId,
      force: false,
      trigger: { kind: 'schedule', slot },
      estimated_messages: null,
      producer: 'scheduler',
    }),
  );
  const fired: EventDataOf<'ScheduleFired'> = {
    channel_id: channelId,
    slot,
    outcome: 'triggered',
    job_id: jobId,
    reason: null,
    active_job_id: null,
  };
  if (outcome.outcome === 'in_progress') {
    Object.assign(fired, {
      outcome: 'skipped',
      job_id: null,
      reason: 'sync_in_progress',
      active_job_id: outcome.job_id,
    });
  } else if (outcome.outcome === 'not_found') {
    Object.assign(fired, { outcome: 'skipped', job_id: null, reason: 'channel_not_found' });
  }
  await events.append(createEvent('ScheduleFired', fired, { producer: 'scheduler' }));
  return fired;
}
