import { MAX_ARCHIVE_ENTRIES, MAX_CSV_FIELDS, MAX_IMPORT_RECORD_BYTES } from '@atlas/platforms';
import type { FormFile } from '../support/api-client';
import { AtlasHarness, startAtlas } from '../support/atlas-harness';
import { buildZip, emptyEntries, ZipEntryInput } from '../support/zip-writer';
import { storedUploads } from '../support/stored-uploads';

jest.setTimeout(180_000);

const MIB = 1024 * 1024;
const MAPPING = '{"text":"body","timestamp":"sent_at","author":"user"}';
const SENT_AT = '2026-01-05T09:00:00Z';
const LIMIT_TEXT = `longer than ${MAX_IMPORT_RECORD_BYTES} bytes (4 MiB), the most one record of an imported file may have`;

/** The smallest Slack export the gateway takes: what a hostile archive hides its payload in. */
const EXPORT_ENTRIES: ZipEntryInput[] = [
  { name: 'channels.json', data: '[{"id":"C0LIMITS","name":"general"}]', deflate: true },
  { name: 'users.json', data: '[]' },
  { name: 'general/2026-01-05.json', data: '[{"type":"message","ts":"1767603600.000100","text":"hi"}]' },
];

/**
 * Uploads built to exhaust the gateway, with the default limits (no ATLAS_MAX_* set): each is refused
 * with a 400 naming the limit, and leaves no file, no event and no connection behind.
 */
describe('POST /api/imports: files built to exhaust the gateway', () => {
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
  const refused = async (file: FormFile, fields: Record<string, string> = {}) => {
    const before = await footprint();
    const { status, body } = await atlas.api.postForm('/api/imports', [file], fields);
    expect(await footprint()).toEqual(before);
    expect(storedFiles()).toEqual([]);
    return { status, body };
  };

  /** A CSV file of a header and one line of about 50 MB of `filler`. */
  const singleLineCsv = (filler: string) => {
    const content = Buffer.alloc(50 * 1000 * 1000, filler);
    Buffer.from('sent_at,user,body\n').copy(content);
    return content;
  };

  it('a 50 MB single-line CSV: RECORD_TOO_LARGE naming the limit', async () => {
    const { status, body } = await refused({ name: 'line.csv', content: singleLineCsv('x') }, { mapping: MAPPING });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        code: 'RECORD_TOO_LARGE',
        message: `The file's CSV record starting on line 2 is ${LIMIT_TEXT}`,
        details: { record: 'CSV record starting on line 2', limit_bytes: MAX_IMPORT_RECORD_BYTES },
      },
    });
  });

  it('a 50 MB single-line CSV of commas (50 million empty fields): RECORD_TOO_LARGE naming the field limit', async () => {
    const { status, body } = await refused({ name: 'commas.csv', content: singleLineCsv(',') }, { mapping: MAPPING });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        code: 'RECORD_TOO_LARGE',
        message: `The file's CSV record starting on line 2 has more than ${MAX_CSV_FIELDS} fields, the most one record of an imported file may have`,
        details: { record: 'CSV record starting on line 2', limit_fields: MAX_CSV_FIELDS },
      },
    });
  });

  it('a JSON line above the limit: RECORD_TOO_LARGE', async () => {
    const line = (body: string) => JSON.stringify({ sent_at: SENT_AT, user: 'ana', body });
    const content = `${line('hello')}\n${line('x'.repeat(MAX_IMPORT_RECORD_BYTES))}\n`;
    const { status, body } = await refused({ name: 'chat.jsonl', content }, { mapping: MAPPING });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'RECORD_TOO_LARGE', message: `The file's line 2 is ${LIMIT_TEXT}` });
  });

  it('a Discord JSON export with a message above the limit: RECORD_TOO_LARGE', async () => {
    const content = JSON.stringify({
      guild: { id: '600000000000000001', name: 'Acme' },
      channel: { id: '700000000000000001', type: 'GuildTextChat', name: 'general' },
      messages: [
        {
          id: '800000000000000001',
          timestamp: SENT_AT,
          content: 'x'.repeat(MAX_IMPORT_RECORD_BYTES),
          author: { id: '900000000000000001', name: 'ana' },
        },
      ],
    });
    const { status, body } = await refused({ name: 'general.json', content });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'RECORD_TOO_LARGE',
      message: `The file's item 1 of the "messages" array is ${LIMIT_TEXT}`,
    });
  });

  it('the issue’s ZIP: 1,000 entries of just under 1 MiB of zeros (about 1 GiB), refused from its directory', async () => {
    const zeros = Buffer.alloc(MIB - 1);
    const padding = Array.from({ length: 1000 }, (_, i) => ({
      name: `general/2025-${String(i).padStart(4, '0')}.bin`,
      data: zeros,
      deflate: true,
    }));
    const zip = buildZip([...EXPORT_ENTRIES, ...padding]);
    expect(zip.length).toBeLessThan(1.3 * MIB);
    const { status, body } = await refused({ name: 'bomb.zip', content: zip });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'UNSAFE_ARCHIVE',
      message: expect.stringMatching(/more than 100 times its size: a compression bomb$/),
      details: { archive_bytes: zip.length, limit_ratio: 100 },
    });
  });

  it('an archive whose whole ratio is absurd though no entry reaches the per-entry floor', async () => {
    // 48 entries of 768 KiB of one repeated line: 36 MiB from about 70 KB.
    const line = Buffer.alloc(768 * 1024, '{"type":"message","text":"a"},\n');
    const padding = Array.from({ length: 48 }, (_, i) => ({
      name: `general/pad-${i}.json`,
      data: line,
      deflate: true,
    }));
    const { status, body } = await refused({ name: 'dense.zip', content: buildZip([...EXPORT_ENTRIES, ...padding]) });
    expect(status).toBe(400);
    expect(body.error.code).toBe('UNSAFE_ARCHIVE');
    expect(body.error.message).toMatch(/compression bomb/);
  });

  it(`an archive of more than ${MAX_ARCHIVE_ENTRIES} tiny entries: ARCHIVE_TOO_LARGE`, async () => {
    const zip = buildZip([...EXPORT_ENTRIES, ...emptyEntries(MAX_ARCHIVE_ENTRIES)]);
    const { status, body } = await refused({ name: 'crowded.zip', content: zip });
    expect(status).toBe(400);
    expect(body.error).toEqual({
      code: 'ARCHIVE_TOO_LARGE',
      message: `The ZIP archive has ${MAX_ARCHIVE_ENTRIES + 3} entries, more than the ${MAX_ARCHIVE_ENTRIES} an import may have`,
      details: { entries: MAX_ARCHIVE_ENTRIES + 3, limit_entries: MAX_ARCHIVE_ENTRIES },
    });
  });

  it('files at the limits are imported: a CSV record and a JSON line of 4 MiB (the connectors read them: test/platforms/import-record-limits)', async () => {
    const csvBody = 'b'.repeat(MAX_IMPORT_RECORD_BYTES - `${SENT_AT},ana,`.length);
    const csv = await atlas.api.postForm(
      '/api/imports',
      [{ name: 'longest.csv', content: `sent_at,user,body\n${SENT_AT},ana,${csvBody}\n` }],
      { mapping: MAPPING },
    );
    expect(csv.status).toBe(201);

    const overhead = JSON.stringify({ sent_at: SENT_AT, user: 'ana', body: '' }).length;
    const line = JSON.stringify({
      sent_at: SENT_AT,
      user: 'ana',
      body: 'j'.repeat(MAX_IMPORT_RECORD_BYTES - overhead),
    });
    const jsonl = await atlas.api.postForm('/api/imports', [{ name: 'longest.jsonl', content: `${line}\n` }], {
      mapping: MAPPING,
    });
    expect(jsonl.status).toBe(201);
  });
});
