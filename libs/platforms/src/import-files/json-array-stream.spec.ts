import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformError } from '../platform-error';
import { jsonArrayItems, jsonArrayItemsIn, JsonShapeError, readJsonHeader } from './json-array-stream';

describe('streaming a JSON document’s array', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'atlas-json-stream-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const items = async (path: string) => {
    const found: unknown[] = [];
    for await (const raw of jsonArrayItems(path, 'messages', 'test.json')) found.push(JSON.parse(raw.toString('utf8')));
    return found;
  };

  const tricky = {
    guild: { id: '1', name: 'The "messages": [ guild' },
    channel: { id: '2', name: 'général 🎉', topic: 'Say "messages": [{}] here \\ }' },
    exportedAt: '2026-03-02T09:00:00+00:00',
    messages: [
      { id: '10', content: 'brace } and bracket ] in "text" \\', nested: { list: [1, { a: [] }] } },
      { id: '11', content: 'ünïcödé 🚀 '.repeat(5000) },
    ],
    messageCount: 2,
  };

  it('reads the header without reading the messages, whatever strings say', async () => {
    const path = file('tricky.json', JSON.stringify(tricky, null, 2));
    expect(await readJsonHeader(path, 'messages', 'tricky.json')).toEqual({
      guild: tricky.guild,
      channel: tricky.channel,
      exportedAt: tricky.exportedAt,
      messages: [],
    });
  });

  it('yields each item as it was, across chunk boundaries and multi-byte characters', async () => {
    expect(await items(file('tricky-compact.json', JSON.stringify(tricky)))).toEqual(tricky.messages);
    expect(await items(file('tricky-indented.json', JSON.stringify(tricky, null, 4)))).toEqual(tricky.messages);
    expect(await items(file('empty.json', '{"messages": [], "messageCount": 0}'))).toEqual([]);
    const withBom = file('bom.json', `\uFEFF${JSON.stringify(tricky)}`);
    expect(await readJsonHeader(withBom, 'messages', 'bom.json')).toMatchObject({ channel: tricky.channel });
  });

  it.each([
    ['a file cut short', '{"messages": [{"id": "1"}, {"id": "2"', 'cut short'],
    ['a file without the array', '{"guild": {"id": "1"}}', 'no "messages" array'],
    ['an array of something else', '{"messages": ["text"]}', 'not an object'],
  ])('refuses %s', async (_case, content, message) => {
    const path = file('bad.json', content);
    await expect(items(path)).rejects.toThrow(PlatformError);
    await expect(items(path)).rejects.toThrow(message);
  });

  describe('a document that is an array (a Slack export file), in memory', () => {
    const parsed = (content: string) =>
      [...jsonArrayItemsIn(Buffer.from(content), 'day.json')].map((raw) => JSON.parse(raw.toString('utf8')));

    it('yields its items, across slices and whatever strings say', () => {
      const day = tricky.messages.concat(tricky.messages, tricky.messages);
      expect(parsed(JSON.stringify(day, null, 4))).toEqual(day);
      expect(parsed(' [ ] ')).toEqual([]);
    });

    it('hands out an item before it looks at the rest, so a caller stops at the first bad one', () => {
      const items = jsonArrayItemsIn(Buffer.from(`[{"a": 1}, ${'{},'.repeat(100_000)} {"b": `), 'day.json');
      expect(JSON.parse(items.next().value!.toString('utf8'))).toEqual({ a: 1 });
    });

    it.each([
      ['an object', '{"messages": []}', 'not-array', 'day.json is not a JSON array'],
      ['something after the array', '[{}] []', 'not-array', 'day.json is not a JSON array'],
      [
        'an item that is no object',
        '[{}, 2]',
        'not-object',
        'day.json: the array holds something that is not an object',
      ],
      [
        'a file cut short',
        '[{"a": [1, 2]}, {"b"',
        'cut-short',
        'day.json ends before its array is closed: the file is cut short',
      ],
    ])('refuses %s', (_case, content, problem, message) => {
      const error = (() => {
        try {
          parsed(content);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(JsonShapeError);
      expect(error).toMatchObject({ problem, message });
    });
  });
});
