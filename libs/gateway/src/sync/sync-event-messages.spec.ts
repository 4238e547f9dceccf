import type { AtlasEvent } from '@atlas/events';
import {
  parseLastEventId,
  SentStatuses,
  sseComment,
  sseMessage,
  stageEventData,
  waitingEventData,
} from './sync-event-messages';

const metadata = (at: string) => ({
  event_id: 'e1',
  schema_version: 1,
  occurred_at: at,
  producer: 'test',
  causation_id: null,
});

describe('sync event messages', () => {
  it('writes one SSE message per event, its JSON on one data line', () => {
    const text = sseMessage('status', { message: 'two\nlines' }, 42);
    expect(text).toBe('id: 42\nevent: status\ndata: {"message":"two\\nlines"}\n\n');
    expect(sseComment('heart\nbeat')).toBe(': heart beat\n\n');
  });

  it('reads a Last-Event-ID as a stream sequence and refuses anything else', () => {
    expect(parseLastEventId(undefined)).toBeNull();
    expect(parseLastEventId(' ')).toBeNull();
    expect(parseLastEventId('17')).toBe(17);
    expect(parseLastEventId('-1')).toBe('invalid');
    expect(parseLastEventId('1e3')).toBe('invalid');
    expect(parseLastEventId('12345678901234567')).toBe('invalid');
  });

  it('names the stage a completion begins, with the one it ends', () => {
    const event = {
      type: 'FetchCompleted',
      data: { job_id: 'j', channel_id: 'C1', batches: 1, messages: 3, cursor: null },
      metadata: metadata('2026-04-13T10:30:00.000Z'),
    } as AtlasEvent;
    expect(stageEventData(event)).toEqual({
      job_id: 'j',
      channel_id: 'C1',
      stage: 'extracting_facts',
      previous_stage: 'fetching_messages',
      at: '2026-04-13T10:30:00.000Z',
    });
    expect(stageEventData({ ...event, type: 'MessagesFetched' } as AtlasEvent)).toBeNull();
  });

  it('tells a platform throttle from a retried failure, with the seconds to wait', () => {
    const event = {
      type: 'SyncStageRetrying',
      data: {
        job_id: 'j',
        channel_id: 'C1',
        stage: 'fetching_messages',
        error: { code: 'RATE_LIMIT', message: 'Slack asked to wait', details: { retry_after: 42 } },
        attempt: 1,
        retrying_at: '2026-04-13T10:30:42Z',
        wait: 2,
      },
      metadata: metadata('2026-04-13T10:30:00.300Z'),
    } as AtlasEvent;
    expect(waitingEventData(event, 'slack')).toMatchObject({
      reason: 'throttle',
      platform: 'slack',
      wait_seconds: 42,
      attempt: 1,
      retrying_at: '2026-04-13T10:30:42Z',
      error: { code: 'RATE_LIMIT' },
    });
    const failed = { ...event, data: { ...event.data, wait: undefined } } as AtlasEvent;
    expect(waitingEventData(failed, null)).toMatchObject({ reason: 'retry', platform: null });
  });

  it('leaves out a status identical to the last one of its job, remembering a bounded number of jobs', () => {
    const sent = new SentStatuses(2);
    expect(sent.isNew('a', 'x')).toBe(true);
    expect(sent.isNew('a', 'x')).toBe(false);
    expect(sent.isNew('a', 'y')).toBe(true);
    sent.isNew('b', 'x');
    sent.isNew('c', 'x');
    // a was the oldest: forgotten, so its status counts as new again.
    expect(sent.isNew('a', 'y')).toBe(true);
    sent.forget('c');
    expect(sent.isNew('c', 'x')).toBe(true);
  });
});
