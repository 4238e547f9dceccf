import { AppError } from '@atlas/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildZip } from '../../../../test/support/zip-writer';
import { examineUpload, guessFamily } from './examine-upload';
import type { ImportRequestDto } from './imports.dto';
import { DEFAULT_ZIP_LIMITS } from './zip-inspection';

const LIMITS = { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 64 * 1024 * 1024 };
const MAPPING = '{"timestamp":"sent_at","text":"body","author":"user"}';
const CANONICAL_MAPPING = '{"author":"user","text":"body","timestamp":"sent_at"}';

const slackExport = () =>
  buildZip([
    { name: 'channels.json', data: '[{"id":"C1","name":"general"}]', deflate: true },
    { name: 'users.json', data: '[]' },
    { name: 'general/2025-01-01.json', data: '[]' },
  ]);
const discordJson = JSON.stringify({
  guild: { id: '1', name: 'Guild' },
  channel: { id: '2', name: 'general' },
  dateRange: { after: null, before: null },
  messages: [{ id: '3', timestamp: '2025-01-01T00:00:00+00:00', content: 'hi', author: { id: '4', name: 'ana' } }],
  messageCount: 1,
});
const discordCsv = 'AuthorID,Author,Date,Content,Attachments,Reactions\n4,ana,2025-01-01T00:00:00+00:00,hi,,\n';
const genericCsv = 'sent_at,user,body\n2025-01-01T00:00:00Z,ana,"hello, world"\n';
const jsonLines =
  '{"sent_at":"2025-01-01T00:00:00Z","user":"ana","body":"hi"}\n\n{"sent_at":"2025-01-02T00:00:00Z","body":"x"}\n';

describe('examineUpload', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'atlas-examine-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const examine = (content: string | Buffer, originalname: string, request: ImportRequestDto = {}) => {
    const path = join(dir, 'staged.part');
    writeFileSync(path, content);
    return examineUpload({ path, originalname, size: Buffer.byteLength(content) }, request, LIMITS);
  };
  const refusal = async (attempt: Promise<unknown>): Promise<AppError> => {
    const error = await attempt.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  describe('detects', () => {
    it.each([
      ['a Slack export ZIP', slackExport(), 'acme.zip', 'slack_export'],
      ['a Slack export ZIP under any name', slackExport(), 'upload', 'slack_export'],
      ['a Discord JSON export', discordJson, 'general.json', 'discord_json'],
      ['a Discord JSON export without extension', discordJson, 'export', 'discord_json'],
      [
        'a pretty-printed Discord JSON export',
        JSON.stringify(JSON.parse(discordJson), null, 2),
        'export',
        'discord_json',
      ],
      ['a Discord CSV export', discordCsv, 'general.csv', 'discord_csv'],
    ])('%s', async (_label, content, name, format) => {
      expect(await examine(content, name)).toMatchObject({ format, mapping: null });
    });

    it.each([
      ['a CSV file', genericCsv, 'chat.csv', 'csv'],
      ['a CSV file without extension', genericCsv, 'chat', 'csv'],
      ['a JSON-lines file', jsonLines, 'chat.jsonl', 'jsonl'],
      ['an NDJSON file', jsonLines, 'chat.ndjson', 'jsonl'],
      ['a JSON-lines file without extension', jsonLines, 'chat', 'jsonl'],
    ])('%s, with its mapping made canonical', async (_label, content, name, format) => {
      expect(await examine(content, name, { mapping: MAPPING, channel_name: 'support' })).toEqual({
        format,
        mapping: CANONICAL_MAPPING,
        channelName: 'support',
        channelId: null,
      });
    });

    it('a hand-made Discord CSV without the Attachments and Reactions columns', async () => {
      const csv = 'AuthorID,Author,Date,Content\n4,ana,2025-01-01T00:00:00+00:00,hi\n';
      expect(await examine(csv, 'Acme - general [77].csv')).toMatchObject({ format: 'discord_csv', channelId: '77' });
    });

    it('a Discord CSV export as generic CSV when told so', async () => {
      const mapping = '{"text":"Content","timestamp":"Date","author":"Author"}';
      expect(await examine(discordCsv, 'general.csv', { format: 'csv', mapping })).toMatchObject({ format: 'csv' });
    });
  });

  describe('refuses', () => {
    it.each([
      ['an empty file', '', 'empty.csv', {}, 'MALFORMED_FILE', /empty/],
      ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'picture', {}, 'UNKNOWN_FORMAT', /format/],
      ['plain text', 'hello there\nno commas here', 'notes.txt', {}, 'UNKNOWN_FORMAT', /format/],
      [
        'a ZIP that is no Slack export',
        buildZip([{ name: 'a.txt', data: 'x' }]),
        'a.zip',
        {},
        'UNKNOWN_FORMAT',
        /channels\.json/,
      ],
      [
        'a ZIP that is no Slack export, as slack_export',
        buildZip([{ name: 'a.txt', data: 'x' }]),
        'a.zip',
        { format: 'slack_export' },
        'MALFORMED_FILE',
        /channels\.json/,
      ],
      ['a truncated ZIP', slackExport().subarray(0, 60), 'acme.zip', {}, 'MALFORMED_FILE', /ZIP/],
      ['a .zip that is none', 'not a zip', 'acme.zip', {}, 'MALFORMED_FILE', /not a ZIP/],
      ['a CSV file as slack_export', genericCsv, 'chat.csv', { format: 'slack_export' }, 'MALFORMED_FILE', /ZIP/],
      [
        'a Slack export as csv',
        slackExport(),
        'acme.zip',
        { format: 'csv', mapping: MAPPING },
        'MALFORMED_FILE',
        /ZIP/,
      ],
      ['invalid JSON', '{"guild": {', 'general.json', {}, 'MALFORMED_FILE', /not valid JSON/],
      ['JSON that is no Discord export', '{"a":1}', 'data.json', {}, 'UNKNOWN_FORMAT', /not a Discord export/],
      [
        'JSON that is no Discord export, as discord_json',
        '[1,2]',
        'd.json',
        { format: 'discord_json' },
        'MALFORMED_FILE',
        /JSON object/,
      ],
      [
        'a Discord export with a malformed message',
        JSON.stringify({ guild: { id: '1' }, channel: { id: '2' }, messages: [{ id: 3 }] }),
        'general.json',
        {},
        'MALFORMED_FILE',
        /index 0: it has no numeric "id"/,
      ],
      [
        'a Discord export message without a readable time',
        JSON.stringify({
          guild: { id: '1' },
          channel: { id: '2' },
          messages: [{ id: '3', timestamp: 'noon', author: { id: '4' } }],
        }),
        'general.json',
        {},
        'MALFORMED_FILE',
        /ISO 8601/,
      ],
      [
        'a Discord export whose channel has no numeric id',
        JSON.stringify({ guild: { id: '1' }, channel: { id: 'general' }, messages: [] }),
        'general.json',
        {},
        'MALFORMED_FILE',
        /"channel" object with a numeric id/,
      ],
      [
        'a channel name for a Discord JSON export',
        discordJson,
        'g.json',
        { channel_name: 'x' },
        'VALIDATION_ERROR',
        /channel_name/,
      ],
      ['a CSV file without mapping', genericCsv, 'chat.csv', {}, 'VALIDATION_ERROR', /mapping is required/],
      [
        'a CSV file without header',
        '2025-01-01T00:00:00Z,ana,hi\n2025-01-02T00:00:00Z,ben,yo\n',
        'chat.csv',
        { mapping: MAPPING },
        'MALFORMED_FILE',
        /first row must name the columns/,
      ],
      ['an empty CSV header', '\n\n', 'chat.csv', { mapping: MAPPING }, 'MALFORMED_FILE', /empty/],
      [
        'a CSV header with a blank column',
        'a,,b\n1,2,3\n',
        'chat.csv',
        { mapping: MAPPING },
        'MALFORMED_FILE',
        /column 2/,
      ],
      [
        'a CSV row of the wrong length',
        'sent_at,user,body\n1,2\n',
        'chat.csv',
        { mapping: MAPPING },
        'MALFORMED_FILE',
        /CSV/,
      ],
      [
        'an unclosed CSV quote',
        'sent_at,user,body\n1,2,"open\n',
        'chat.csv',
        { mapping: MAPPING },
        'MALFORMED_FILE',
        /CSV/,
      ],
      [
        'a generic CSV as discord_csv',
        genericCsv,
        'chat.csv',
        { format: 'discord_csv' },
        'MALFORMED_FILE',
        /AuthorID,Author,Date,Content/,
      ],
      [
        'a bad JSON line',
        '{"body":"a","sent_at":"x"}\n{oops}\n',
        'c.jsonl',
        { mapping: MAPPING },
        'MALFORMED_FILE',
        /Line 2/,
      ],
      [
        'a JSON line that is no object',
        '[1]\n',
        'c.jsonl',
        { mapping: MAPPING },
        'MALFORMED_FILE',
        /Line 1 is not a JSON object/,
      ],
      ['a JSON-lines file with no records', '\n\n', 'c.jsonl', { mapping: MAPPING }, 'MALFORMED_FILE', /no records/],
      [
        'a JSON-lines file lacking the mapped text field',
        '{"sent_at":"2025-01-01T00:00:00Z","message":"hi"}\n',
        'c.jsonl',
        { mapping: MAPPING },
        'MALFORMED_FILE',
        /"body" \(mapping.text\)/,
      ],
      [
        'a mapping that is no JSON',
        genericCsv,
        'chat.csv',
        { mapping: 'text=body' },
        'VALIDATION_ERROR',
        /not valid JSON/,
      ],
      [
        'a mapping that is an array',
        genericCsv,
        'chat.csv',
        { mapping: '["body"]' },
        'VALIDATION_ERROR',
        /JSON object/,
      ],
      [
        'a mapping without text',
        genericCsv,
        'chat.csv',
        { mapping: '{"timestamp":"sent_at","author":"user"}' },
        'VALIDATION_ERROR',
        /mapping.text/,
      ],
      [
        'a mapping with a non-string column',
        genericCsv,
        'chat.csv',
        { mapping: '{"text":"body","timestamp":3,"author":"user"}' },
        'VALIDATION_ERROR',
        /mapping.timestamp/,
      ],
      [
        'a mapping for a Slack export',
        slackExport(),
        'acme.zip',
        { mapping: MAPPING },
        'VALIDATION_ERROR',
        /mapping applies/,
      ],
      [
        'a mapping for a Discord export',
        discordJson,
        'g.json',
        { mapping: MAPPING },
        'VALIDATION_ERROR',
        /mapping applies/,
      ],
      [
        'a channel name for a Slack export',
        slackExport(),
        'acme.zip',
        { channel_name: 'x' },
        'VALIDATION_ERROR',
        /channel_name/,
      ],
    ] as Array<[string, string | Buffer, string, ImportRequestDto, string, RegExp]>)(
      '%s',
      async (_label, content, name, request, code, message) => {
        const error = await refusal(examine(content, name, request));
        expect(error.code).toBe(code);
        expect(error.message).toMatch(message);
      },
    );
  });
});

describe('guessFamily', () => {
  it.each([
    ['x.JSONL', '{}', 'jsonl'],
    ['x.Json', 'anything', 'json'],
    ['x.CSV', 'anything', 'csv'],
    ['x', '\uFEFF  [1,2]', 'json'],
    ['x', '{\n "a": 1\n}', 'json'],
    ['x', '{"a":1}\n{"a":2}', 'jsonl'],
    ['x', '{"guild":{},"channel":{},"messages":[]}', 'json'],
    ['x', 'a,b\n1,2', 'csv'],
    ['x', 'no separator', null],
    ['x.txt', 'bin\0ary,with,commas', null],
  ])('%s holding %j is %s', (name, content, family) => {
    expect(guessFamily(Buffer.from(content), name)).toBe(family);
  });
});
