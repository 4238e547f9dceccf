import { crc32 } from 'node:zlib';
import { Entry, getFileNameLowLevel, openPromise, ZipFile } from 'yauzl';
import { errorMessage } from '@atlas/common';
import {
  COMPRESSION_RATIO_FLOOR_BYTES,
  MAX_ARCHIVE_ENTRIES,
  MAX_COMPRESSION_RATIO,
  MAX_EXPORT_FILE_BYTES,
} from '@atlas/platforms';
import { ImportRefusedError, malformed } from './import-errors';

export interface ZipLimits {
  /** Largest total the archive may unpack to (ATLAS_MAX_IMPORT_UNCOMPRESSED_BYTES). */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Largest entry: the Slack export connector parses each file whole. */
  maxEntryBytes: number;
  /**
   * Largest compression ratio of an entry, and of the whole archive, once it unpacks to more than
   * `ratioFloorBytes`: a chat export never comes near it.
   */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** The limits the Slack export connector reads archives with. */
export const DEFAULT_ZIP_LIMITS: Omit<ZipLimits, 'maxUncompressedBytes'> = {
  maxEntries: MAX_ARCHIVE_ENTRIES,
  maxEntryBytes: MAX_EXPORT_FILE_BYTES,
  maxRatio: MAX_COMPRESSION_RATIO,
  ratioFloorBytes: COMPRESSION_RATIO_FLOOR_BYTES,
};

/** What the central directory of an archive says, once every entry's name and sizes passed. */
export interface ZipDirectory {
  /** Names of the files (not folders), with `/`. */
  files: string[];
  declaredBytes: number;
}

interface NamedEntry {
  entry: Entry;
  name: string;
}

const STORED = 0;
const DEFLATED = 8;
const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK = 0o120000;

/**
 * Reads the central directory only: refuses names that would land outside a folder the archive is
 * unpacked into, links, encryption, and archives whose declared sizes or ratios are already too much:
 * an entry's, or the whole archive's (a thousand entries each just below the floor). Cheap, so it runs
 * before anything is unpacked; `verifyZipContent` then holds every entry to its declared size, so
 * the real total cannot pass the declared one.
 */
export async function readZipDirectory(path: string, limits: ZipLimits): Promise<ZipDirectory> {
  return withZip(path, async (zip) => {
    const entries = await listEntries(zip, limits);
    return {
      files: entries.filter(({ name }) => !isFolder(name)).map(({ name }) => name),
      declaredBytes: entries.reduce((sum, { entry }) => sum + entry.uncompressedSize, 0),
    };
  });
}

/**
 * Unpacks every entry without keeping anything: the sizes in the headers can lie, so the real ones are
 * counted (yauzl's validateEntrySizes stops an entry that runs past its declared size) and the checksum
 * compared. Stops at the first limit passed.
 */
export async function verifyZipContent(path: string, limits: ZipLimits): Promise<{ uncompressedBytes: number }> {
  return withZip(path, async (zip) => {
    let total = 0;
    for (const { entry, name } of await listEntries(zip, limits)) {
      if (isFolder(name)) continue;
      let size = 0;
      let checksum = 0;
      try {
        const stream = await zip.openReadStreamPromise(entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          total += chunk.length;
          if (total > limits.maxUncompressedBytes) throw tooLarge(total, limits, 'unpacks to');
          if (exceedsRatio(size, entry.compressedSize, limits)) throw bomb(name, size, entry.compressedSize);
          checksum = crc32(chunk, checksum);
        }
      } catch (error) {
        throw unpackFailure(error, name);
      }
      if (checksum !== entry.crc32)
        throw malformed(`Entry "${name}" of the ZIP archive is corrupt (checksum mismatch)`);
    }
    return { uncompressedBytes: total };
  });
}

/** Why an entry name is unsafe to unpack anywhere, or null. */
export function unsafeNameReason(name: string): string | null {
  if (name === '') return 'has an empty name';
  if (name.includes('\0')) return 'has a NUL character in its name';
  if (name.includes('\\')) return 'uses backslashes in its path';
  if (name.startsWith('/')) return 'has an absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'starts with a drive letter';
  if (name.split('/').includes('..')) return 'climbs out of its folder with ".."';
  return null;
}

async function withZip<T>(path: string, use: (zip: ZipFile) => Promise<T>): Promise<T> {
  let zip: ZipFile;
  try {
    // Names are decoded below, strictly: yauzl's own decoding turns backslashes into slashes.
    zip = await openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw malformed(`The file is not a readable ZIP archive: ${errorMessage(error)}`);
  }
  try {
    return await use(zip);
  } finally {
    zip.close();
  }
}

async function listEntries(zip: ZipFile, limits: ZipLimits): Promise<NamedEntry[]> {
  if (zip.entryCount > limits.maxEntries) {
    throw new ImportRefusedError(
      'ARCHIVE_TOO_LARGE',
      `The ZIP archive has ${zip.entryCount} entries, more than the ${limits.maxEntries} an import may have`,
      { entries: zip.entryCount, limit_entries: limits.maxEntries },
    );
  }
  const entries: NamedEntry[] = [];
  const seen = new Set<string>();
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      checkEntry(entry, name, seen, limits);
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) throw tooLarge(declared, limits, 'declares');
      if (exceedsRatio(declared, zip.fileSize, limits)) throw archiveBomb(declared, zip.fileSize, limits);
      seen.add(name);
      entries.push({ entry, name });
    }
  } catch (error) {
    if (error instanceof ImportRefusedError) throw error;
    throw malformed(`The ZIP archive's directory cannot be read: ${errorMessage(error)}`);
  }
  return entries;
}

function checkEntry(entry: Entry, name: string, seen: Set<string>, limits: ZipLimits): void {
  const unsafe = unsafeNameReason(name);
  if (unsafe) throw unsafeArchive(`Entry "${printable(name)}" of the ZIP archive ${unsafe}`, name);
  if (seen.has(name)) throw unsafeArchive(`The ZIP archive holds "${printable(name)}" twice`, name);
  if (entry.versionMadeBy >> 8 === UNIX_HOST && ((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK) {
    throw unsafeArchive(`Entry "${printable(name)}" of the ZIP archive is a symbolic link`, name);
  }
  if (entry.isEncrypted()) throw malformed(`Entry "${printable(name)}" of the ZIP archive is encrypted`);
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw malformed(
      `Entry "${printable(name)}" of the ZIP archive uses compression method ${entry.compressionMethod}; only stored and deflated entries can be read`,
    );
  }
  if (exceedsRatio(entry.uncompressedSize, entry.compressedSize, limits)) {
    throw bomb(name, entry.uncompressedSize, entry.compressedSize);
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw new ImportRefusedError(
      'ARCHIVE_TOO_LARGE',
      `Entry "${printable(name)}" of the ZIP archive unpacks to ${entry.uncompressedSize} bytes, more than the ${limits.maxEntryBytes} one file of an export may have`,
      { entry: printable(name), uncompressed_bytes: entry.uncompressedSize, limit_entry_bytes: limits.maxEntryBytes },
    );
  }
}

function exceedsRatio(uncompressed: number, compressed: number, limits: ZipLimits): boolean {
  return uncompressed > limits.ratioFloorBytes && uncompressed > limits.maxRatio * Math.max(compressed, 1);
}

function isFolder(name: string): boolean {
  return name.endsWith('/');
}

function unpackFailure(error: unknown, name: string): ImportRefusedError {
  if (error instanceof ImportRefusedError) return error;
  const message = errorMessage(error);
  // yauzl's validateEntrySizes: the data does not match the size its header declares.
  if (/^(too many|not enough) bytes in the stream/.test(message)) {
    return unsafeArchive(
      `Entry "${printable(name)}" of the ZIP archive unpacks to another size than it declares`,
      name,
    );
  }
  return malformed(`Entry "${printable(name)}" of the ZIP archive cannot be unpacked: ${message}`);
}

function tooLarge(bytes: number, limits: ZipLimits, verb: string): ImportRefusedError {
  return new ImportRefusedError(
    'ARCHIVE_TOO_LARGE',
    `The ZIP archive ${verb} more than ${limits.maxUncompressedBytes} bytes (ATLAS_MAX_IMPORT_UNCOMPRESSED_BYTES)`,
    { uncompressed_bytes_at_least: bytes, limit_bytes: limits.maxUncompressedBytes },
  );
}

function bomb(name: string, uncompressed: number, compressed: number): ImportRefusedError {
  return unsafeArchive(
    `Entry "${printable(name)}" of the ZIP archive expands ${uncompressed} bytes from ${compressed}: a compression bomb`,
    name,
  );
}

function archiveBomb(declared: number, archiveBytes: number, limits: ZipLimits): ImportRefusedError {
  return new ImportRefusedError(
    'UNSAFE_ARCHIVE',
    `The ZIP archive expands to at least ${declared} bytes from ${archiveBytes}, more than ${limits.maxRatio} times its size: a compression bomb`,
    { uncompressed_bytes_at_least: declared, archive_bytes: archiveBytes, limit_ratio: limits.maxRatio },
  );
}

function unsafeArchive(message: string, entry: string): ImportRefusedError {
  return new ImportRefusedError('UNSAFE_ARCHIVE', message, { entry: printable(entry) });
}

/** Entry names come from the uploader: control characters stay out of messages and logs. */
function printable(name: string): string {
  return JSON.stringify(name).slice(1, -1).slice(0, 300);
}
