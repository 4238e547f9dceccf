import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@atlas/common';
import { examineUpload } from './examine-upload';
import { MAX_WHOLE_JSON_BYTES, readJsonHeaderBefore } from './json-file-checks';
import { DEFAULT_ZIP_LIMITS } from './zip-inspection';

describe('JSON export headers', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'atlas-json-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (content: string) => {
    const path = join(dir, 'export.json');
    writeFileSync(path, content);
    return path;
  };

  it('reads the members before the array, pretty-printed or not', async () => {
    const header = { guild: { id: '1', name: 'Acme' }, channel: { id: '2', name: 'general' } };
    for (const text of [
      JSON.stringify({ ...header, messages: [{ id: '3' }] }),
      JSON.stringify({ ...header, messages: [{ id: '3' }] }, null, 2),
    ]) {
      expect(await readJsonHeaderBefore(write(`\uFEFF${text}`), 'messages')).toEqual({ ...header, messages: [] });
    }
  });

  it('is not fooled by the key inside a string or a nested object', async () => {
    const text = JSON.stringify({
      guild: { id: '1', note: 'the "messages": [ are below', inner: { messages: [] } },
      channel: { id: '2' },
      messages: [],
    });
    expect(await readJsonHeaderBefore(write(text), 'messages')).toEqual({
      guild: { id: '1', note: 'the "messages": [ are below', inner: { messages: [] } },
      channel: { id: '2' },
      messages: [],
    });
  });

  it('is null for a document that does not start with such an object', async () => {
    expect(await readJsonHeaderBefore(write('[{"messages": []}]'), 'messages')).toBeNull();
    expect(await readJsonHeaderBefore(write('{"guild": {"id": "1"}}'), 'messages')).toBeNull();
  });

  describe('a Discord export too large to parse whole', () => {
    const padding = 'x'.repeat(MAX_WHOLE_JSON_BYTES);
    const examine = (content: string, request = {}) => {
      const path = write(content);
      const limits = { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 1024 };
      return examineUpload({ path, originalname: 'big.json', size: Buffer.byteLength(content) }, request, limits);
    };

    it('is accepted on its header; its messages are left to the connector', async () => {
      const content = JSON.stringify({
        guild: { id: '1' },
        channel: { id: '2', name: 'general' },
        messages: [{ id: '3', timestamp: '2025-01-01T00:00:00Z', author: { id: '4' }, content: padding }],
      });
      expect(await examine(content)).toMatchObject({ format: 'discord_json' });
    });

    it('is refused when its header is not a Discord header', async () => {
      const error = await examine(
        JSON.stringify({ guild: { id: '1' }, channel: { id: 'x' }, messages: [padding] }),
      ).catch((thrown: AppError) => thrown);
      expect(error).toMatchObject({ code: 'MALFORMED_FILE', message: expect.stringMatching(/numeric id/) });
    });

    it('is not recognised when it does not start like one', async () => {
      const error = await examine(JSON.stringify({ padding, guild: {}, channel: {}, messages: [] })).catch(
        (thrown: AppError) => thrown,
      );
      expect(error).toMatchObject({ code: 'UNKNOWN_FORMAT' });
    });
  });
});
