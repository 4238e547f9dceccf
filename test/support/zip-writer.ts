import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

/** A file to put in a test archive. */
export interface ZipEntryInput {
  name: string;
  data: Buffer | string;
  /** Deflate instead of storing. */
  deflate?: boolean;
  /** Uncompressed size to claim in the headers instead of the real one, to build a lying archive. */
  declaredSize?: number;
}

const STORED = 0;
const DEFLATED = 8;
const UTF8_NAMES = 0x0800;
// 1 January 2025, 00:00, in MS-DOS date and time fields.
const DOS_TIME = 0;
const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;

// Bomb fixtures repeat one large buffer in many entries: it is compressed and summed once.
const encodings = new WeakMap<Buffer, { deflated: Buffer | null; checksum: number }>();

function encoded(data: Buffer, deflate: boolean): { deflated: Buffer | null; checksum: number } {
  const known = encodings.get(data);
  if (known && (known.deflated !== null || !deflate)) return known;
  const result = { deflated: deflate ? deflateRawSync(data) : null, checksum: known?.checksum ?? crc32(data) };
  encodings.set(data, result);
  return result;
}

/**
 * A minimal ZIP writer for tests: no encryption, no comments; ZIP64 only for the entry count, when
 * there are more entries than a plain end record can count.
 */
export function buildZip(entries: ZipEntryInput[]): Buffer {
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
    const { deflated, checksum } = encoded(data, entry.deflate === true);
    const content = deflated ?? data;
    const method = entry.deflate ? DEFLATED : STORED;
    const size = entry.declaredSize ?? data.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    localParts.push(local, name, content);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centralParts.push(central, name);

    offset += local.length + name.length + content.length;
  }

  const centralDirectory = Buffer.concat(centralParts);
  const zip64 = entries.length > 0xffff ? zip64EndRecords(entries.length, centralDirectory.length, offset) : [];
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...localParts, centralDirectory, ...zip64, end]);
}

/** The ZIP64 end of central directory record and its locator, which count entries past 65 535. */
function zip64EndRecords(count: number, directoryBytes: number, directoryOffset: number): Buffer[] {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directoryBytes), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directoryBytes), 8);
  locator.writeUInt32LE(1, 16);
  return [record, locator];
}

/** `count` empty files (`pad/0`, `pad/1`...): an archive with more entries than an import may have. */
export function emptyEntries(count: number): ZipEntryInput[] {
  return Array.from({ length: count }, (_, i) => ({ name: `pad/${i}`, data: '' }));
}

/** Every file under `folder`, named by its path inside it (with `/`), optionally under `prefix`. */
export function folderEntries(folder: string, prefix = ''): ZipEntryInput[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const name = relative(folder, path).split(sep).join('/');
      return { name: prefix + name, data: readFileSync(path), deflate: true };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
