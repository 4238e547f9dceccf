import { AtlasEvent, encodeEvent } from '@atlas/events';
import { LogEntry } from '@atlas/messaging';
import { ChannelSnapshot, channelStateOf } from '../channel-state';
import { JobSnapshot } from '../channel-commands';
import { evolveJobFate, fateOnChannel, UNKNOWN_FATE } from '../job-fate';

/**
 * Given these events on a channel subject (sequence = position, from 1): what a decision sees, built
 * the way decideOnChannel and decideOnJob build it from the log, for given/when/then tests of decisions.
 */
export function channelAfter(...events: AtlasEvent[]): ChannelSnapshot {
  const last = events.at(-1);
  if (!last) return channelStateOf(null);
  const encoded = encodeEvent(last);
  const headers = new Map(Object.entries(encoded.headers));
  return channelStateOf(
    new LogEntry({
      seq: events.length,
      subject: encoded.subject,
      data: encoded.payload,
      headers: { get: (k: string) => headers.get(k) ?? '' } as never,
    }),
  );
}

export function jobAfter(jobId: string, ...events: AtlasEvent[]): JobSnapshot {
  const channel = channelAfter(...events);
  const folded = () =>
    events.reduce(
      (fate, event, index) =>
        (event.data as { job_id?: string }).job_id === jobId ? evolveJobFate(fate, event, index + 1) : fate,
      UNKNOWN_FATE,
    );
  return { channel, job: fateOnChannel(channel, jobId) ?? folded() };
}
