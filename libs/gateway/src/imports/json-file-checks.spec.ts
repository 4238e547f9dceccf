import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@atlas/common';
import { MAX_IMPORT_RECORD_BYTES } from '@atlas/platforms';
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
    // Two messages of half the size: the document is too large to parse whole, each message is not.
    const padding = 'x'.repeat(MAX_WHOLE_JSON_BYTES / 2);
    const message = (id: string, extra: object = {}) => ({
      id,
      timestamp: '2025-01-01T00:00:00Z',
      author: { id: '4' },
      content: padding,
      ...extra,
    });
    const examine = (content: string, request = {}) => {
      const path = write(content);
      const limits = { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 1024 };
      return examineUpload({ path, originalname: 'big.json', size: Buffer.byteLength(content) }, request, limits);
    };
    const refusal = (content: string) => examine(content).catch((thrown: AppError) => thrown);
    const header = { guild: { id: '1' }, channel: { id: '2', name: 'general' } };

    it('is accepted once its header and every message, read one at a time, are checked', async () => {
      const content = JSON.stringify({ ...header, messages: [message('3'), message('5')] });
      expect(await examine(content)).toMatchObject({ format: 'discord_json' });
    });

    it('is refused for a malformed message past the beginning', async () => {
      const content = JSON.stringify({ ...header, messages: [message('3'), message('5', { timestamp: 'soon' })] });
      expect(await refusal(content)).toMatchObject({
        code: 'MALFORMED_FILE',
        message: expect.stringMatching(/malformed message at index 1: it has no ISO 8601 "timestamp"/),
      });
    });

    it('is refused, unparsed, for a message above the record limit', async () => {
      const content = JSON.stringify({ ...header, messages: [{ ...message('3'), content: padding + padding }] });
      expect(await refusal(content)).toMatchObject({
        code: 'RECORD_TOO_LARGE',
        message: expect.stringMatching(/item 1 of the "messages" array is longer than 4194304 bytes/),
        details: { limit_bytes: MAX_IMPORT_RECORD_BYTES },
      });
    });

    it('is refused when cut short', async () => {
      const content = JSON.stringify({ ...header, messages: [message('3'), message('5')] });
      expect(await refusal(content.slice(0, -20))).toMatchObject({
        code: 'MALFORMED_FILE',
        message: expect.stringMatching(/cut short/),
      });
    });

    it('is refused when its header is not a Discord header', async () => {
      const error = await refusal(
        JSON.stringify({ guild: { id: '1' }, channel: { id: 'x' }, messages: [padding, padding] }),
      );
      expect(error).toMatchObject({ code: 'MALFORMED_FILE', message: expect.stringMatching(/numeric id/) });
    });

    it('is not recognised when it does not start like one', async () => {
      const error = await refusal(JSON.stringify({ padding, padding2: padding, guild: {}, channel: {}, messages: [] }));
      expect(error).toMatchObject({ code: 'UNKNOWN_FORMAT' });
    });
  });
});
