import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildZip, emptyEntries, ZipEntryInput } from '../../../../test/support/zip-writer';
import { MAX_EXPORT_FILE_BYTES } from '@atlas/platforms';
import { ImportRefusedError } from './import-errors';
import { DEFAULT_ZIP_LIMITS, readZipDirectory, unsafeNameReason, verifyZipContent, ZipLimits } from './zip-inspection';

const MIB = 1024 * 1024;
const LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 64 * MIB };
const EXPORT: ZipEntryInput[] = [
  { name: 'channels.json', data: '[{"id":"C1","name":"general"}]', deflate: true },
  { name: 'users.json', data: '[]', deflate: true },
  { name: 'general/', data: '' },
  { name: 'general/2025-01-01.json', data: '[{"type":"message","ts":"1735689600.000100","text":"hi"}]' },
];

describe('ZIP inspection', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'atlas-zip-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (content: Buffer, name = 'upload.zip') => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const refusal = async (attempt: Promise<unknown>): Promise<ImportRefusedError> => {
    const error = await attempt.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ImportRefusedError);
    return error as ImportRefusedError;
  };

  it('lists the files of a sound archive and unpacks all of it', async () => {
    const path = write(buildZip(EXPORT));
    const directory = await readZipDirectory(path, LIMITS);
    expect(directory.files).toEqual(['channels.json', 'users.json', 'general/2025-01-01.json']);
    const content = EXPORT.reduce((sum, entry) => sum + Buffer.byteLength(entry.data), 0);
    expect(directory.declaredBytes).toBe(content);
    expect(await verifyZipContent(path, LIMITS)).toEqual({ uncompressedBytes: content });
  });

  it.each([
    '../escape.json',
    'general/../../escape.json',
    '/etc/passwd',
    'C:/Windows/x.json',
    'c:x.json',
    'a\\b.json',
    '..\\x',
  ])('refuses the entry name %j as UNSAFE_ARCHIVE', async (name) => {
    const path = write(buildZip([...EXPORT, { name, data: 'x' }]));
    const error = await refusal(readZipDirectory(path, LIMITS));
    expect(error.code).toBe('UNSAFE_ARCHIVE');
    expect(error.details.entry).toBe(JSON.stringify(name).slice(1, -1));
  });

  it('refuses an archive holding the same name twice', async () => {
    const path = write(buildZip([...EXPORT, { name: 'channels.json', data: '[]' }]));
    expect((await refusal(readZipDirectory(path, LIMITS))).code).toBe('UNSAFE_ARCHIVE');
  });

  it('refuses symbolic links', async () => {
    const zip = buildZip([...EXPORT, { name: 'general/link.json', data: '/etc/passwd' }]);
    patchCentralEntry(zip, 'general/link.json', (header) => {
      header.writeUInt16LE((3 << 8) | 20, 4);
      header.writeUInt32LE((0o120777 << 16) >>> 0, 38);
    });
    const error = await refusal(readZipDirectory(write(zip), LIMITS));
    expect(error.code).toBe('UNSAFE_ARCHIVE');
    expect(error.message).toMatch(/symbolic link/);
  });

  it('refuses encrypted entries', async () => {
    const zip = buildZip(EXPORT);
    patchCentralEntry(zip, 'users.json', (header) => header.writeUInt16LE(header.readUInt16LE(8) | 1, 8));
    const error = await refusal(readZipDirectory(write(zip), LIMITS));
    expect(error.code).toBe('MALFORMED_FILE');
    expect(error.message).toMatch(/encrypted/);
  });

  it('refuses more entries than allowed, before reading any', async () => {
    const path = write(buildZip(EXPORT));
    const error = await refusal(readZipDirectory(path, { ...LIMITS, maxEntries: 3 }));
    expect(error.code).toBe('ARCHIVE_TOO_LARGE');
    expect(error.details).toEqual({ entries: 4, limit_entries: 3 });
  });

  it('refuses 100 001 entries with the default limit (a ZIP64 archive)', async () => {
    const path = write(buildZip(emptyEntries(100_001)));
    const error = await refusal(readZipDirectory(path, LIMITS));
    expect(error.code).toBe('ARCHIVE_TOO_LARGE');
    expect(error.details).toEqual({ entries: 100_001, limit_entries: 100_000 });
  });

  it('refuses an archive whose declared total is above the limit', async () => {
    const big = Buffer.alloc(600 * 1024, 'a');
    const path = write(buildZip([...EXPORT, { name: 'general/2025-01-02.json', data: big, deflate: true }]));
    const error = await refusal(readZipDirectory(path, { ...LIMITS, maxUncompressedBytes: 512 * 1024 }));
    expect(error.code).toBe('ARCHIVE_TOO_LARGE');
    expect(error.details.limit_bytes).toBe(512 * 1024);
  });

  it('refuses an entry that expands more than 100:1 beyond the floor (a compression bomb)', async () => {
    const zeros = Buffer.alloc(8 * MIB);
    const path = write(buildZip([...EXPORT, { name: 'general/2025-01-02.json', data: zeros, deflate: true }]));
    const error = await refusal(readZipDirectory(path, LIMITS));
    expect(error.code).toBe('UNSAFE_ARCHIVE');
    expect(error.message).toMatch(/compression bomb/);
  });

  it('lets small, very compressible entries through: the ratio counts only above the floor', async () => {
    const zeros = Buffer.alloc(512 * 1024);
    const path = write(buildZip([...EXPORT, { name: 'general/2025-01-02.json', data: zeros, deflate: true }]));
    await readZipDirectory(path, LIMITS);
    expect((await verifyZipContent(path, LIMITS)).uncompressedBytes).toBeGreaterThan(512 * 1024);
  });

  it('refuses an archive that expands more than 100:1 as a whole, each entry below the floor, before unpacking', async () => {
    // The bomb, scaled down: entries of just under 1 MiB of zeros, each one let through alone.
    const zeros = Buffer.alloc(MIB - 1);
    const entries = Array.from({ length: 100 }, (_, i) => ({
      name: `general/pad-${i}.json`,
      data: zeros,
      deflate: true,
    }));
    const zip = buildZip([...EXPORT, ...entries]);
    const path = write(zip);
    const error = await refusal(readZipDirectory(path, LIMITS));
    expect(error.code).toBe('UNSAFE_ARCHIVE');
    expect(error.message).toMatch(/more than 100 times its size: a compression bomb/);
    expect(error.details).toMatchObject({ archive_bytes: zip.length, limit_ratio: 100 });
    // Refused as soon as the running total passes the ratio, well before the last entry.
    expect(error.details.uncompressed_bytes_at_least).toBeLessThan(100 * zip.length + MIB);
    await refusal(verifyZipContent(path, LIMITS));
  });

  it('takes a plain chat export, whose ratio is far below 100', async () => {
    const day = JSON.stringify(
      Array.from({ length: 10_000 }, (_, i) => ({
        type: 'message',
        user: `U${i % 7}`,
        ts: `${1735689600 + i}.000100`,
        text: `note ${i} on the deploy`,
      })),
      null,
      4,
    );
    const path = write(buildZip([...EXPORT, { name: 'general/2025-01-02.json', data: day, deflate: true }]));
    expect((await readZipDirectory(path, LIMITS)).declaredBytes).toBeGreaterThan(MIB);
    await verifyZipContent(path, LIMITS);
  });

  it('refuses an entry above the size one file of an export may have', async () => {
    const path = write(buildZip([...EXPORT, { name: 'users.json2', data: Buffer.alloc(4096, 'a') }]));
    const error = await refusal(readZipDirectory(path, { ...LIMITS, maxEntryBytes: 4095 }));
    expect(error.code).toBe('ARCHIVE_TOO_LARGE');
    expect(error.details).toEqual({ entry: 'users.json2', uncompressed_bytes: 4096, limit_entry_bytes: 4095 });
    expect(DEFAULT_ZIP_LIMITS.maxEntryBytes).toBe(MAX_EXPORT_FILE_BYTES);
  });

  it('finds an entry whose header lies about its size while unpacking it', async () => {
    const zeros = Buffer.alloc(8 * MIB);
    const lying = { name: 'general/2025-01-02.json', data: zeros, deflate: true, declaredSize: 1000 };
    const path = write(buildZip([...EXPORT, lying]));
    // The directory looks harmless: 1000 bytes declared.
    await expect(readZipDirectory(path, LIMITS)).resolves.toBeDefined();
    const error = await refusal(verifyZipContent(path, LIMITS));
    expect(error.code).toBe('UNSAFE_ARCHIVE');
    expect(error.message).toMatch(/another size than it declares/);
  });

  it('refuses a truncated archive', async () => {
    const zip = buildZip(EXPORT);
    const error = await refusal(readZipDirectory(write(zip.subarray(0, zip.length - 40)), LIMITS));
    expect(error.code).toBe('MALFORMED_FILE');
  });

  it('refuses an archive whose compressed data is corrupt', async () => {
    const data = Buffer.from(
      JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ ts: `${i}.0001`, text: `m${i}` }))),
    );
    const zip = buildZip([...EXPORT, { name: 'general/2025-01-02.json', data, deflate: true }]);
    const start = zip.indexOf('general/2025-01-02.json') + 'general/2025-01-02.json'.length;
    for (let i = start + 10; i < start + 60; i++) zip[i] ^= 0xff;
    const error = await refusal(verifyZipContent(write(zip), LIMITS));
    expect(error.code).toBe('MALFORMED_FILE');
  });

  it('refuses a stored entry whose checksum does not match', async () => {
    const zip = buildZip(EXPORT);
    const start = zip.indexOf('"hi"');
    zip[start + 1] = 'H'.charCodeAt(0);
    const error = await refusal(verifyZipContent(write(zip), LIMITS));
    expect(error.code).toBe('MALFORMED_FILE');
    expect(error.message).toMatch(/checksum/);
  });

  it('refuses a file that is no ZIP archive', async () => {
    const error = await refusal(readZipDirectory(write(Buffer.from('just text, no archive')), LIMITS));
    expect(error.code).toBe('MALFORMED_FILE');
  });
});

describe('unsafeNameReason', () => {
  it.each([
    ['channels.json', null],
    ['acme/general/2025-01-01.json', null],
    ['general/./2025-01-01.json', null],
    ['..', /\.\./],
    ['a/../b', /\.\./],
    ['/abs', /absolute/],
    ['D:\\x', /backslash/],
    ['D:x', /drive letter/],
    ['a\\b', /backslash/],
    ['nul\0byte', /NUL/],
    ['', /empty/],
  ])('%j', (name, expected) => {
    const reason = unsafeNameReason(name);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});

/** Applies `patch` to the central directory header of the entry `name` (the last occurrence of the name). */
function patchCentralEntry(zip: Buffer, name: string, patch: (header: Buffer) => void): void {
  const at = zip.lastIndexOf(Buffer.from(name)) - 46;
  expect(zip.readUInt32LE(at)).toBe(0x02014b50);
  patch(zip.subarray(at, at + 46));
}
