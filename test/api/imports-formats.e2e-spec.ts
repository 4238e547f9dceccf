import type { FormFile } from '../support/api-client';
import { AtlasHarness, startAtlas, waitForJob } from '../support/atlas-harness';
import { storedUploads } from '../support/stored-uploads';

jest.setTimeout(120_000);

/** POST /api/imports with one file (or none). */
function upload(atlas: AtlasHarness, file: FormFile | null, fields: Record<string, string> = {}) {
  return atlas.api.postForm('/api/imports', file ? [file] : [], fields);
}

const START = Date.parse('2026-01-05T09:00:00Z');
const at = (i: number) => new Date(START + i * 600_000).toISOString();
const USERS = [
  { id: '700000000000000001', name: 'ana' },
  { id: '700000000000000002', name: 'ben' },
];

/** A DiscordChatExporter JSON export of one channel. */
function discordJson(channelId: string, count: number): string {
  return JSON.stringify(
    {
      guild: { id: '600000000000000001', name: 'Acme' },
      channel: { id: channelId, type: 'GuildTextChat', category: 'Text', name: 'general', topic: 'Team chat' },
      dateRange: { after: null, before: null },
      exportedAt: '2026-02-01T00:00:00+00:00',
      messages: Array.from({ length: count }, (_, i) => ({
        id: String(800000000000000000n + BigInt(i)),
        type: 'Default',
        timestamp: at(i),
        timestampEdited: null,
        content: `Deploy ${i} of the billing service went out on schedule.`,
        author: USERS[i % 2],
        attachments: [],
        embeds: [],
        mentions: [],
      })),
      messageCount: count,
    },
    null,
    2,
  );
}

function discordCsv(count: number): string {
  const rows = Array.from(
    { length: count },
    (_, i) => `"${USERS[i % 2].id}","${USERS[i % 2].name}","${at(i)}","Standup note ${i}: the queue is drained.","",""`,
  );
  return ['AuthorID,Author,Date,Content,Attachments,Reactions', ...rows].join('\r\n') + '\r\n';
}

const GENERIC_MAPPING = '{"text":"body","timestamp":"sent_at","author":"user"}';

function genericCsv(count: number): string {
  const rows = Array.from(
    { length: count },
    (_, i) => `${at(i)},${USERS[i % 2].name},"Ticket ${i} closed, customer informed."`,
  );
  return ['sent_at,user,body', ...rows].join('\n') + '\n';
}

function jsonLines(count: number): string {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({ sent_at: at(i), user: USERS[i % 2].name, body: `Incident ${i} resolved by a rollback.` }),
  ).join('\n');
}

describe('POST /api/imports: Discord, CSV and JSON-lines files', () => {
  let atlas: AtlasHarness;

  beforeAll(async () => {
    atlas = await startAtlas();
  });

  afterAll(() => atlas?.close());

  const storedFiles = () => storedUploads(atlas.importDir);
  const footprint = async () => ({
    seq: await atlas.service.runtime.events.lastSequence(),
    connections: (await atlas.api.get('/api/connections')).body,
    channels: (await atlas.api.get('/api/channels')).body,
    files: storedFiles(),
  });

  async function syncToEnd(channelId: string) {
    const started = await atlas.api.post('/api/sync', { channel_id: channelId });
    expect(started.status).toBe(202);
    return waitForJob(atlas.api, channelId, started.body.job_id, ['completed', 'failed']);
  }

  describe('refusals: a 400 in the error envelope, and nothing stored, recorded or projected', () => {
    const cases: Array<[string, FormFile, Record<string, string>, string, RegExp]> = [
      [
        'invalid JSON',
        { name: 'general.json', content: discordJson('1', 3).slice(0, -40) },
        {},
        'MALFORMED_FILE',
        /not valid JSON/,
      ],
      [
        'JSON that is no Discord export',
        { name: 'data.json', content: '{"rows": []}' },
        {},
        'UNKNOWN_FORMAT',
        /Discord/,
      ],
      [
        'a Discord export message without an author',
        { name: 'general.json', content: discordJson('1', 3).replace(/"author": \{[^}]*\},/, '') },
        {},
        'MALFORMED_FILE',
        /index 0: it has no "author"/,
      ],
      [
        'a channel name for a Discord JSON export',
        { name: 'g.json', content: discordJson('1', 2) },
        { channel_name: 'x' },
        'VALIDATION_ERROR',
        /channel_name/,
      ],
      [
        'a CSV file without mapping',
        { name: 'tickets.csv', content: genericCsv(3) },
        {},
        'VALIDATION_ERROR',
        /mapping is required/,
      ],
      [
        'a CSV file without a header',
        { name: 'tickets.csv', content: genericCsv(3).split('\n').slice(1).join('\n') },
        { mapping: GENERIC_MAPPING },
        'MALFORMED_FILE',
        /first row must name the columns/,
      ],
      [
        'a CSV row with a missing column',
        { name: 'tickets.csv', content: `${genericCsv(2)}${at(9)},ana\n` },
        { mapping: GENERIC_MAPPING },
        'MALFORMED_FILE',
        /not valid CSV/,
      ],
      [
        'a generic CSV sent as discord_csv',
        { name: 'tickets.csv', content: genericCsv(2) },
        { format: 'discord_csv' },
        'MALFORMED_FILE',
        /AuthorID,Author,Date,Content/,
      ],
      [
        'a mapping naming an unknown message field',
        { name: 'tickets.csv', content: genericCsv(2) },
        { mapping: '{"text":"body","timestamp":"sent_at","user":"user"}' },
        'VALIDATION_ERROR',
        /mapping.user is not a message field/,
      ],
      [
        'a JSON-lines file with a broken line',
        { name: 'incidents.jsonl', content: `${jsonLines(2)}\n{"sent_at": \n` },
        { mapping: GENERIC_MAPPING },
        'MALFORMED_FILE',
        /Line 3 is not valid JSON/,
      ],
      [
        'a mapping for a Discord export',
        { name: 'general.csv', content: discordCsv(2) },
        { mapping: GENERIC_MAPPING },
        'VALIDATION_ERROR',
        /mapping applies only/,
      ],
    ];

    it.each(cases)('%s', async (_label, file, fields, code, message) => {
      const before = await footprint();
      const { status, body } = await upload(atlas, file, fields);
      expect({ status, code: body?.error?.code }).toEqual({ status: 400, code });
      expect(body.error.message).toMatch(message);
      expect(await footprint()).toEqual(before);
    });
  });

  describe('Discord exports', () => {
    it('imports a JSON export: the channel it names, its messages synced', async () => {
      const { status, body } = await upload(atlas, {
        name: 'Acme - Text - general [900000000000000001].json',
        content: discordJson('900000000000000001', 30),
      });
      expect(status).toBe(201);
      expect(body).toMatchObject({
        platform: 'discord_export',
        already_imported: false,
        config: { format: 'json' },
        import: { format: 'discord_json' },
        channels: [{ channel_id: '900000000000000001', name: 'general' }],
      });
      expect(await syncToEnd('900000000000000001')).toMatchObject({
        status: 'completed',
        progress: { total_messages: 30, processed_messages: 30 },
      });

      const again = await upload(atlas, { name: 'copy.json', content: discordJson('900000000000000001', 30) });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ connection_id: body.connection_id, already_imported: true });
    });

    it("imports a CSV export, its channel taken from DiscordChatExporter's file name", async () => {
      const { status, body } = await upload(atlas, {
        name: 'Acme - Text - random [900000000000000002].csv',
        content: discordCsv(12),
      });
      expect(status).toBe(201);
      expect(body).toMatchObject({
        platform: 'discord_export',
        config: { format: 'csv', channel_id: '900000000000000002', channel_name: 'random' },
        import: { format: 'discord_csv' },
        channels: [{ channel_id: '900000000000000002', name: 'random' }],
      });
      expect(await syncToEnd('900000000000000002')).toMatchObject({
        status: 'completed',
        progress: { total_messages: 12, processed_messages: 12 },
      });
    });
  });

  describe('CSV and JSON-lines files', () => {
    it('imports a CSV file with its mapping; the channel is named after the file', async () => {
      const content = genericCsv(20);
      const { status, body } = await upload(
        atlas,
        { name: 'support-tickets.csv', content },
        { mapping: GENERIC_MAPPING },
      );
      expect(status).toBe(201);
      expect(body).toMatchObject({
        platform: 'generic_import',
        config: {
          format: 'csv',
          mapping: '{"author":"user","text":"body","timestamp":"sent_at"}',
          channel_name: 'support-tickets',
        },
        import: { format: 'csv' },
      });
      expect(body.channels).toHaveLength(1);
      expect(body.channels[0].name).toBe('support-tickets');
      expect(await syncToEnd(body.channels[0].channel_id)).toMatchObject({
        status: 'completed',
        progress: { total_messages: 20, processed_messages: 20 },
      });

      // The same mapping written otherwise is the same import.
      const again = await upload(
        atlas,
        { name: 'x.csv', content },
        { mapping: '{"author":"user","timestamp":"sent_at","text":"body"}' },
      );
      expect(again.status).toBe(200);
      expect(again.body.connection_id).toBe(body.connection_id);
    });

    it('imports a JSON-lines file under the channel name it is given', async () => {
      const { status, body } = await upload(
        atlas,
        { name: 'incidents.jsonl', content: jsonLines(15) },
        { mapping: GENERIC_MAPPING, channel_name: 'Incidents' },
      );
      expect(status).toBe(201);
      expect(body).toMatchObject({
        platform: 'generic_import',
        config: { format: 'jsonl', channel_name: 'Incidents' },
      });
      expect(body.channels).toEqual([expect.objectContaining({ name: 'Incidents' })]);
      expect(await syncToEnd(body.channels[0].channel_id)).toMatchObject({
        status: 'completed',
        progress: { total_messages: 15, processed_messages: 15 },
      });
    });

    it('refuses a file its connector cannot read at discovery, and removes it', async () => {
      const before = await footprint();
      const content = 'sent_at,user,body\nyesterday at noon,ana,"hello"\n';
      const { status, body } = await upload(atlas, { name: 'odd.csv', content }, { mapping: GENERIC_MAPPING });
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'MALFORMED_FILE', details: { platform_code: 'PLATFORM_ERROR' } });
      expect(await footprint()).toEqual(before);
    });
  });
});
