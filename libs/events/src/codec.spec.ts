import { createEvent, decodeEvent, encodeEvent, HEADER, InvalidEventError } from '.';
import { channelSubject, idFromSubjectToken, subjectToken } from '.';

const requested = createEvent(
  'SyncRequested',
  {
    job_id: 'sync_1',
    channel_id: 'C1',
    connection_id: 'conn_1',
    force: false,
    trigger: { kind: 'api', slot: null },
    previous_cursor: null,
    estimated_messages: 10,
  },
  { producer: 'test' },
);

describe('event codec', () => {
  it('round-trips an event and puts routing facts in headers', () => {
    const encoded = encodeEvent(requested);
    expect(encoded.subject).toBe('atlas.channel.C1');
    expect(encoded.msgId).toBe('sync_1:requested');
    expect(encoded.headers).toMatchObject({
      [HEADER.type]: 'SyncRequested',
      [HEADER.jobId]: 'sync_1',
      [HEADER.channelId]: 'C1',
      [HEADER.schemaVersion]: '1',
    });
    expect(JSON.parse(JSON.stringify(decodeEvent(encoded.payload)))).toEqual(JSON.parse(JSON.stringify(requested)));
  });

  it('gives the same idempotency key to the same logical event', () => {
    const again = createEvent('SyncRequested', requested.data, { producer: 'test' });
    expect(again.metadata.event_id).not.toBe(requested.metadata.event_id);
    expect(encodeEvent(again).msgId).toBe(encodeEvent(requested).msgId);
  });

  it('accepts fields it does not know (a newer producer of the same major version)', () => {
    const newer = { ...requested, data: { ...requested.data, priority: 'high' } };
    expect(() => decodeEvent(Buffer.from(JSON.stringify(newer)))).not.toThrow();
  });

  it.each([
    ['not JSON', '{'],
    ['an unknown type', JSON.stringify({ ...requested, type: 'SyncExploded' })],
    ['another major version', JSON.stringify({ ...requested, metadata: { ...requested.metadata, schema_version: 2 } })],
    ['a wrong field type', JSON.stringify({ ...requested, data: { ...requested.data, force: 'no' } })],
    ['a missing field', JSON.stringify({ ...requested, data: { ...requested.data, job_id: undefined } })],
    [
      'a bad nested value',
      JSON.stringify({ ...requested, data: { ...requested.data, trigger: { kind: 'cron', slot: null } } }),
    ],
  ])('refuses %s', (_label, payload) => {
    expect(() => decodeEvent(Buffer.from(payload))).toThrow(InvalidEventError);
  });

  it('says which job an invalid event claimed to belong to', () => {
    const broken = JSON.stringify({ ...requested, data: { ...requested.data, force: 'no' } });
    try {
      decodeEvent(Buffer.from(broken));
      throw new Error('expected a failure');
    } catch (error) {
      expect((error as InvalidEventError).hint).toEqual({ type: 'SyncRequested', job_id: 'sync_1', channel_id: 'C1' });
    }
  });
});

describe('subject tokens', () => {
  it.each(['C12345', 'general_chat-2'])('uses a plain id %s as it is', (id) => {
    expect(subjectToken(id)).toBe(id);
  });

  it.each(['19:abc@thread.tacv2', 'a.b', 'with space', '>', '*', '~tilde', 'ünïcode'])(
    'encodes %s into one safe token, reversibly',
    (id) => {
      const token = subjectToken(id);
      expect(token).toMatch(/^~[A-Za-z0-9_-]+$/);
      expect(idFromSubjectToken(token)).toBe(id);
      expect(channelSubject(id).split('.')).toHaveLength(3);
    },
  );
});
