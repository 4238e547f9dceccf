import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormFile } from '../support/api-client';
import { AtlasHarness, readLog, startAtlas, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';
import { tempDir } from '../support/temp-dir';
import { buildZip, folderEntries, ZipEntryInput } from '../support/zip-writer';
import { storedUploads } from '../support/stored-uploads';

jest.setTimeout(120_000);

const MIB = 1024 * 1024;
const UPLOAD_LIMIT = 8 * MIB;
const UNCOMPRESSED_LIMIT = 32 * MIB;

type UploadFile = FormFile;

/** POST /api/imports, with the test key unless told otherwise. */
function upload(atlas: AtlasHarness, files: UploadFile[], fields: Record<string, string> = {}, key = TEST_API_KEY) {
  return atlas.api.withKey(key || null).postForm('/api/imports', files, fields);
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('POST /api/imports: a Slack export ZIP', () => {
  let atlas: AtlasHarness;
  const exportDir = tempDir('export');
  const general = generatedChannel('C0GENERAL', 'general', 40);
  const random = generatedChannel('C0RANDOM', 'random', 12);
  let acmeZip: Buffer;

  beforeAll(async () => {
    atlas = await startAtlas({
      env: {
        ATLAS_MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT),
        ATLAS_MAX_IMPORT_UNCOMPRESSED_BYTES: String(UNCOMPRESSED_LIMIT),
      },
    });
    writeSlackExport(join(exportDir.path, 'acme'), [general, random]);
    acmeZip = buildZip(folderEntries(join(exportDir.path, 'acme')));
  });

  afterAll(async () => {
    await atlas?.close();
    exportDir.remove();
  });

  const storedFiles = () => storedUploads(atlas.importDir);
  /** What a refused upload must leave as it was: the log, the read models, the files. */
  const footprint = async () => ({
    seq: await atlas.service.runtime.events.lastSequence(),
    connections: (await atlas.api.get('/api/connections')).body,
    channels: (await atlas.api.get('/api/channels')).body,
    files: storedFiles(),
  });

  let connectionId: string;

  it('stores the file under its hash and answers 201 with the new connection and its channels', async () => {
    const before = await atlas.service.runtime.events.lastSequence();
    const { status, body } = await upload(atlas, [{ name: 'acme-export.zip', content: acmeZip }]);
    expect(status).toBe(201);
    const hash = sha256(acmeZip);
    expect(body).toMatchObject({
      connection_id: expect.stringMatching(/^conn_[0-9a-f]{20}$/),
      name: 'acme-export.zip',
      platform: 'slack_export',
      has_credentials: false,
      already_imported: false,
      channels_skipped: [],
      import: { format: 'slack_export', sha256: hash, size_bytes: acmeZip.length, file: `uploads/${hash}.zip` },
    });
    expect(body.channels.map((c: any) => c.channel_id).sort()).toEqual(['C0GENERAL', 'C0RANDOM']);
    connectionId = body.connection_id;

    expect(storedFiles()).toEqual([`${hash}.zip`]);
    expect(readFileSync(join(atlas.importDir, 'uploads', `${hash}.zip`))).toEqual(acmeZip);
    const created = (await readLog(atlas.service.runtime.events)).filter((e) => e.seq > before);
    expect(created.map((e) => e.event.type)).toEqual(['ConnectionCreated', 'ChannelRegistered', 'ChannelRegistered']);
    expect((created[0].event.data as any).config.path).toBe(join(atlas.importDir, 'uploads', `${hash}.zip`));
  });

  it('syncs an imported channel like any export', async () => {
    const started = await atlas.api.post('/api/sync', { channel_id: 'C0GENERAL' });
    expect(started.status).toBe(202);
    const done = await waitForJob(atlas.api, 'C0GENERAL', started.body.job_id, ['completed', 'failed']);
    expect(done).toMatchObject({ status: 'completed', progress: { total_messages: 40, processed_messages: 40 } });
  });

  it('answers 200 with the same connection when the same file comes again, and records nothing', async () => {
    const before = await footprint();
    const { status, body } = await upload(atlas, [{ name: 'renamed.zip', content: acmeZip }], { name: 'Again' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      connection_id: connectionId,
      name: 'acme-export.zip',
      already_imported: true,
      import: { sha256: sha256(acmeZip) },
    });
    expect(body.channels).toHaveLength(2);
    expect(await footprint()).toEqual(before);
  });

  it('takes the connection name from the form, and reads an export zipped with its folder', async () => {
    const zipped = buildZip(folderEntries(join(exportDir.path, 'acme'), 'acme-2025/'));
    const before = await atlas.service.runtime.events.lastSequence();
    const { status, body } = await upload(atlas, [{ name: 'export.zip', content: zipped }], { name: 'Acme, nested' });
    expect(status).toBe(201);
    expect(body).toMatchObject({ name: 'Acme, nested', already_imported: false });
    expect(body.connection_id).not.toBe(connectionId);
    // The channels belong to the first import already: they are reported, not taken over.
    expect(body.channels).toEqual([]);
    expect(body.channels_skipped.map((c: any) => c.channel_id).sort()).toEqual(['C0GENERAL', 'C0RANDOM']);
    expect(await atlas.service.runtime.events.lastSequence()).toBeGreaterThan(before);
    const deleted = await atlas.api.delete(`/api/connections/${body.connection_id}`);
    expect(deleted.status).toBe(200);
  });

  it('imports a file again as a new connection once its connection was deleted', async () => {
    expect((await atlas.api.delete(`/api/connections/${connectionId}`)).status).toBe(200);
    const { status, body } = await upload(atlas, [{ name: 'acme-export.zip', content: acmeZip }]);
    expect(status).toBe(201);
    expect(body.already_imported).toBe(false);
    expect(body.connection_id).not.toBe(connectionId);
    expect(body.channels.map((c: any) => c.channel_id).sort()).toEqual(['C0GENERAL', 'C0RANDOM']);

    const again = await upload(atlas, [{ name: 'acme-export.zip', content: acmeZip }]);
    expect(again.status).toBe(200);
    expect(again.body.connection_id).toBe(body.connection_id);
  });

  describe('refusals: a 400 in the error envelope, and nothing stored, recorded or projected', () => {
    const exportEntries = (): ZipEntryInput[] => folderEntries(join(exportDir.path, 'acme'));
    const withEntry = (entry: ZipEntryInput) => buildZip([...exportEntries(), entry]);
    const zeros = (bytes: number) => Buffer.alloc(bytes);
    const randomBlock = randomBytes(16 * 1024);

    const corruptZip = () => {
      const zip = Buffer.from(acmeZip);
      const at = zip.indexOf('general/') + 200;
      for (let i = at; i < at + 64; i++) zip[i] ^= 0x5a;
      return zip;
    };

    const cases: Array<[string, () => UploadFile[], Record<string, string>, string, RegExp]> = [
      ['no file', () => [], { name: 'x' }, 'FILE_REQUIRED', /field "file"/],
      [
        'a file in another field',
        () => [{ name: 'a.zip', content: acmeZip, field: 'upload' }],
        {},
        'VALIDATION_ERROR',
        /"file"/,
      ],
      [
        'two files',
        () => [
          { name: 'a.zip', content: acmeZip },
          { name: 'b.zip', content: acmeZip },
        ],
        {},
        'VALIDATION_ERROR',
        /exactly one file/,
      ],
      [
        'an unknown form field',
        () => [{ name: 'a.zip', content: acmeZip }],
        { shell: 'rm -rf' },
        'VALIDATION_ERROR',
        /shell/,
      ],
      [
        'an unknown format',
        () => [{ name: 'a.zip', content: acmeZip }],
        { format: 'rar' },
        'VALIDATION_ERROR',
        /format/,
      ],
      [
        'a file it cannot recognise',
        () => [{ name: 'photo', content: randomBytes(4096) }],
        {},
        'UNKNOWN_FORMAT',
        /format/,
      ],
      [
        'a ZIP that is no Slack export',
        () => [{ name: 'misc.zip', content: buildZip([{ name: 'notes.txt', data: 'hello' }]) }],
        {},
        'UNKNOWN_FORMAT',
        /channels\.json/,
      ],
      [
        'a truncated ZIP',
        () => [{ name: 'cut.zip', content: acmeZip.subarray(0, acmeZip.length - 100) }],
        {},
        'MALFORMED_FILE',
        /ZIP/,
      ],
      ['a ZIP with corrupt data', () => [{ name: 'bad.zip', content: corruptZip() }], {}, 'MALFORMED_FILE', /ZIP/],
      ...(['../escape.json', '/etc/cron.d/x', 'general\\..\\..\\x.json', 'C:/Windows/x.json'] as const).map(
        (name): [string, () => UploadFile[], Record<string, string>, string, RegExp] => [
          `an entry named ${JSON.stringify(name)}`,
          () => [{ name: 'evil.zip', content: withEntry({ name, data: '[]' }) }],
          {},
          'UNSAFE_ARCHIVE',
          /Entry ".*" of the ZIP archive/,
        ],
      ),
      [
        'a zip bomb (200 MB of zeros in one entry)',
        () => [
          {
            name: 'bomb.zip',
            content: withEntry({ name: 'general/2026-02-01.json', data: zeros(200 * MIB), deflate: true }),
          },
        ],
        {},
        'UNSAFE_ARCHIVE',
        /compression bomb/,
      ],
      [
        'an entry whose header lies about its size',
        () => [
          {
            name: 'liar.zip',
            content: withEntry({
              name: 'general/2026-02-01.json',
              data: zeros(200 * MIB),
              deflate: true,
              declaredSize: 2048,
            }),
          },
        ],
        {},
        'UNSAFE_ARCHIVE',
        /another size than it declares/,
      ],
      [
        'an archive declaring more than ATLAS_MAX_IMPORT_UNCOMPRESSED_BYTES',
        () => [
          {
            name: 'huge.zip',
            // Deflating 60:1, below the ratio checks: only the total is too much.
            content: buildZip([
              ...exportEntries(),
              ...Array.from({ length: 40 }, (_, i) => ({
                name: `general/pad-${i}.bin`,
                data: Buffer.alloc(MIB, randomBlock),
                deflate: true,
              })),
            ]),
          },
        ],
        {},
        'ARCHIVE_TOO_LARGE',
        /ATLAS_MAX_IMPORT_UNCOMPRESSED_BYTES/,
      ],
      [
        'a Slack export whose channels.json is not JSON',
        () => [
          {
            name: 'broken.zip',
            content: buildZip([
              { name: 'channels.json', data: '[{"id": "C0BROKEN", ', deflate: true },
              { name: 'users.json', data: '[]' },
            ]),
          },
        ],
        {},
        'MALFORMED_FILE',
        // Named by its place in the import folder, not by the server's path.
        /^The slack_export platform cannot read the file: channels\.json in uploads\/[0-9a-f]{64}\.zip is not valid JSON/,
      ],
      [
        'a mapping for a Slack export',
        () => [{ name: 'a.zip', content: acmeZip }],
        { mapping: '{"text":"t"}' },
        'VALIDATION_ERROR',
        /mapping/,
      ],
    ];

    it.each(cases)('%s', async (_label, files, fields, code, message) => {
      const before = await footprint();
      const { status, body } = await upload(atlas, files(), fields);
      expect({ status, code: body?.error?.code }).toEqual({ status: 400, code });
      expect(body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Object) } });
      expect(body.error.message).toMatch(message);
      expect(await footprint()).toEqual(before);
    });

    it('a file above ATLAS_MAX_UPLOAD_BYTES: UPLOAD_TOO_LARGE with the limit', async () => {
      const before = await footprint();
      const { status, body } = await upload(atlas, [{ name: 'big.zip', content: randomBytes(UPLOAD_LIMIT + 1) }]);
      expect(status).toBe(400);
      expect(body.error).toEqual({
        code: 'UPLOAD_TOO_LARGE',
        message: expect.stringContaining('ATLAS_MAX_UPLOAD_BYTES'),
        details: { limit_bytes: UPLOAD_LIMIT },
      });
      expect(await footprint()).toEqual(before);
    });

    it('a file of exactly ATLAS_MAX_UPLOAD_BYTES is read (and refused for what it is, not for its size)', async () => {
      const before = await footprint();
      const { status, body } = await upload(atlas, [{ name: 'noise', content: randomBytes(UPLOAD_LIMIT) }]);
      expect(status).toBe(400);
      expect(body.error.code).toBe('UNKNOWN_FORMAT');
      expect(await footprint()).toEqual(before);
    });

    it('a request that is not multipart: FILE_REQUIRED', async () => {
      const before = await footprint();
      const { status, body } = await atlas.api.post('/api/imports', { name: 'x' });
      expect(status).toBe(400);
      expect(body.error.code).toBe('FILE_REQUIRED');
      expect(await footprint()).toEqual(before);
    });

    it('no API key: 401 before the body is read', async () => {
      const before = await footprint();
      const { status, body } = await upload(atlas, [{ name: 'a.zip', content: acmeZip }], {}, '');
      expect(status).toBe(401);
      expect(body.error.code).toBe('UNAUTHORIZED');
      expect(await footprint()).toEqual(before);
    });
  });
});
