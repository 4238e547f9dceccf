import { KnownPeople } from '../import-files/known-people';
import { OccurrenceCounter } from '../import-files/stable-id';
import { PlatformError } from '../platform-error';
import type { GenericRecord } from './generic-records';
import { normalizeGenericRow, toGenericRow } from './generic-row';
import type { ImportMapping } from './import-mapping';

const mapping: ImportMapping = {
  id: 'msg_id',
  author: 'user',
  author_id: 'user_id',
  text: 'body',
  timestamp: 'sent_at',
  thread_parent_id: 'parent',
  edited_at: 'edited_at',
  deleted: 'deleted',
};

function record(fields: Record<string, unknown>, where = 'row 3 (line 4)'): GenericRecord {
  return { where, get: (column) => fields[column] };
}

const row = (fields: Record<string, unknown>, rowMapping = mapping) =>
  toGenericRow(record(fields), rowMapping, new OccurrenceCounter(), 'chat.csv');

describe('generic rows', () => {
  it('read the mapped columns, epoch times included', () => {
    expect(
      row({
        msg_id: 7,
        user: 'Ana',
        user_id: 'u1',
        body: 'hi',
        sent_at: 1772442307,
        parent: '',
        edited_at: '',
        deleted: 'no',
      }),
    ).toEqual({
      id: '7',
      timeMs: 1772442307000,
      changedMs: null,
      resolutionMs: 1000,
      repliesTo: null,
      channel: null,
      authorId: 'u1',
      authorName: 'Ana',
      text: 'hi',
      deleted: false,
    });
  });

  it('turn a deleted row into a tombstone and an edited one into an edit', () => {
    const people = new KnownPeople();
    const place = { parentId: '1', replyCount: 0, people };
    const base = { msg_id: '8', user: 'Ana', user_id: 'u1', body: 'gone', sent_at: '2026-03-02T09:00:00.000Z' };
    const deleted = row({ ...base, edited_at: '2026-03-03T09:00:00.000Z', deleted: 'true' });
    expect(normalizeGenericRow(deleted, 'general', place, 'conn_1')).toMatchObject({
      text: '',
      deleted: true,
      edited: false,
      edited_at: null,
      thread_parent_id: '1',
    });
    const edited = row({ ...base, edited_at: '2026-03-03T09:00:00.000Z', deleted: false });
    expect(normalizeGenericRow(edited, 'general', place, 'conn_1')).toMatchObject({
      text: 'gone',
      edited: true,
      edited_at: '2026-03-03T09:00:00.000Z',
    });
  });

  it('give an author known only by name an id of the connection and the name, never the bare name', () => {
    const noIds: ImportMapping = { author: 'user', text: 'body', timestamp: 'sent_at' };
    const place = { parentId: null, replyCount: 0, people: new KnownPeople() };
    const john = row({ user: 'John', body: 'hi', sent_at: '2026-03-02T09:00:00Z' }, noIds);
    const inOne = normalizeGenericRow(john, 'general', place, 'conn_1');
    expect(inOne).toMatchObject({ author_id: expect.stringMatching(/^name-/), author_name: 'John' });
    expect(normalizeGenericRow(john, 'random', place, 'conn_1').author_id).toBe(inOne.author_id);
    expect(normalizeGenericRow(john, 'general', place, 'conn_2').author_id).not.toBe(inOne.author_id);
    const withId = row({ msg_id: '9', user: 'John', user_id: 'u7', body: 'hi', sent_at: '2026-03-02T09:00:00Z' });
    expect(normalizeGenericRow(withId, 'general', place, 'conn_1').author_id).toBe('u7');
  });

  it('hash an id for rows without one', () => {
    const noIds: ImportMapping = { author: 'user', text: 'body', timestamp: 'sent_at' };
    const counter = new OccurrenceCounter();
    const fields = { user: 'Ana', body: 'hi', sent_at: '2026-03-02T09:00:00Z' };
    const first = toGenericRow(record(fields), noIds, counter, 'chat.csv');
    const second = toGenericRow(record(fields), noIds, counter, 'chat.csv');
    expect(first.id).toMatch(/^row-/);
    expect(second.id).not.toBe(first.id);
    expect(toGenericRow(record(fields), noIds, new OccurrenceCounter(), 'chat.csv').id).toBe(first.id);
  });

  it.each([
    [
      { sent_at: 'last tuesday' },
      'chat.csv, row 3 (line 4): the timestamp "last tuesday" ("sent_at") is neither ISO 8601',
    ],
    [{ edited_at: '2026-02-30' }, 'the edited_at "2026-02-30" ("edited_at") is neither'],
    [{ user: '', user_id: '' }, 'the author is empty'],
    [{ msg_id: '' }, 'the id ("msg_id") is empty'],
    [{ deleted: 'maybe' }, 'the deleted flag "maybe" ("deleted") is neither true nor false'],
    [{ body: { rich: true } }, 'the text ("body") is not text'],
  ])('name the row and the column of a bad value: %p', (bad, message) => {
    const fields = { msg_id: '1', user: 'Ana', user_id: 'u1', body: 'hi', sent_at: '2026-03-02T09:00:00Z', ...bad };
    expect(() => row(fields)).toThrow(PlatformError);
    expect(() => row(fields)).toThrow(message);
  });
});
