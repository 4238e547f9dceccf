import { decodeDiscordCursor, DiscordCursorBuilder, encodeDiscordCursor, seenKey } from './discord-cursor';
import { DiscordFetchWindow } from './discord-fetch-window';
import { snowflakeAt, snowflakeToMs } from './discord-snowflake';
import type { DiscordChannel, DiscordMessage } from './discord-types';

const DAY = 86_400_000;
const previousAt = Date.parse('2026-11-20T12:00:00.000Z');

function message(atMs: number, editedMs: number | null = null): DiscordMessage {
  return {
    id: snowflakeAt(atMs),
    channel_id: '900',
    content: 'x',
    timestamp: new Date(atMs).toISOString(),
    edited_timestamp: editedMs === null ? null : new Date(editedMs).toISOString(),
  };
}

describe('Discord channel cursor', () => {
  it('round-trips, and refuses what it did not write', () => {
    const cursor = { at: previousAt, seen: ['1478392841990144000', '1478392841990144001@1763640000000'] };
    expect(decodeDiscordCursor(encodeDiscordCursor(cursor))).toEqual(cursor);
    for (const bad of [
      '1712345678.000100',
      '{"v":2,"at":"2026-11-20T12:00:00.000Z","seen":[]}',
      '{"v":1,"at":"x","seen":[]}',
      '{"v":1,"at":"2026-11-20T12:00:00.000Z","seen":["a@b"]}',
    ]) {
      expect(() => decodeDiscordCursor(bad)).toThrow('cursor');
    }
  });

  it('remembers only the messages read that were posted or edited after the fetch began', () => {
    const builder = new DiscordCursorBuilder(previousAt);
    const before = message(previousAt - 1000);
    const postedDuring = message(previousAt + 1000);
    const editedDuring = message(previousAt - 1000, previousAt + 500);
    for (const read of [before, postedDuring, editedDuring, postedDuring]) builder.note(read);
    expect(builder.cursor).toEqual({ at: previousAt, seen: [seenKey(postedDuring), seenKey(editedDuring)] });
    expect(seenKey(editedDuring)).toBe(`${editedDuring.id}@${previousAt + 500}`);
  });

  it('forgets the oldest entries past its bound, so it stays small', () => {
    const builder = new DiscordCursorBuilder(previousAt);
    for (let index = 1; index <= 600; index += 1) builder.note(message(previousAt + index));
    const { seen } = builder.cursor;
    expect(seen).toHaveLength(500);
    expect(snowflakeToMs(seen[0])).toBe(previousAt + 101);
  });
});

describe('DiscordFetchWindow', () => {
  const now = previousAt + 2 * DAY;

  it('takes everything on a full fetch, back from the moment it began', () => {
    const window = DiscordFetchWindow.full(now);
    expect(window.isIncremental).toBe(false);
    expect(window.keeps(message(0 + Date.parse('2020-01-01')))).toBe(true);
    expect(snowflakeToMs(window.upperBound)).toBe(now + 1);
    expect(window.archivedSinceMs).toBeNull();
  });

  describe('since a previous fetch', () => {
    const postedDuringPrevious = message(previousAt + 1000);
    const previous = { at: previousAt, seen: [seenKey(postedDuringPrevious)] };
    const window = DiscordFetchWindow.since(previous, now, 14);

    it('looks back from the previous fetch', () => {
      expect(snowflakeToMs(window.lowerBound!)).toBe(previousAt - 14 * DAY);
      expect(window.archivedSinceMs).toBe(previousAt - 14 * DAY);
      expect(window.covers(snowflakeAt(previousAt - 13 * DAY))).toBe(true);
      expect(window.covers(snowflakeAt(previousAt - 15 * DAY))).toBe(false);
    });

    it('keeps what was posted or edited since, but not what that fetch already read', () => {
      expect(window.keeps(message(previousAt - DAY))).toBe(false);
      expect(window.keeps(message(previousAt + 5000))).toBe(true);
      expect(window.keeps(message(previousAt - DAY, previousAt + 5000))).toBe(true);
      expect(window.keeps(message(previousAt - DAY, previousAt - 5000))).toBe(false);
      expect(window.keeps(postedDuringPrevious)).toBe(false);
      // Edited again after it was read: a new edit, kept.
      expect(window.keeps({ ...postedDuringPrevious, edited_timestamp: new Date(now).toISOString() })).toBe(true);
    });

    it('calls only posts new, not edits', () => {
      expect(window.isNew(message(previousAt + 5000))).toBe(true);
      expect(window.isNew(message(previousAt - DAY, previousAt + 5000))).toBe(false);
      expect(window.isNew(postedDuringPrevious)).toBe(false);
    });

    it('walks the threads with a message in the window', () => {
      const thread = (lastMs: number | null): DiscordChannel => ({
        id: '5',
        type: 11,
        last_message_id: lastMs === null ? null : snowflakeAt(lastMs),
      });
      expect(window.walksThread(thread(previousAt - DAY))).toBe(true);
      expect(window.walksThread(thread(previousAt - 20 * DAY))).toBe(false);
      expect(window.walksThread(thread(null))).toBe(false);
    });
  });
});
