import { posix } from 'node:path';
import { Entry, openPromise, ZipFile } from 'yauzl';
import { errorMessage } from '@atlas/common';
import { MAX_ARCHIVE_ENTRIES } from '../import-files/import-limits';
import { assertReadableSize, ExportArchive, exportFailure, readFailure } from './export-archive';

/**
 * A zipped export, read in place: the central directory is listed once, then files are inflated one at
 * a time when asked for. Exports zipped with their folder (`acme/channels.json`) are read from there.
 */
export class ZipExportArchive implements ExportArchive {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly root: string,
    readonly label: string,
  ) {}

  static async open(path: string, label: string): Promise<ZipExportArchive> {
    let zip: ZipFile;
    try {
      zip = await openPromise(path, { lazyEntries: true, autoClose: false });
    } catch (error) {
      throw exportFailure(`${label} is not a readable ZIP archive: ${errorMessage(error)}`);
    }
    if (zip.entryCount > MAX_ARCHIVE_ENTRIES) {
      zip.close();
      throw exportFailure(
        `${label} has ${zip.entryCount} entries, more than the ${MAX_ARCHIVE_ENTRIES} an export may have`,
      );
    }
    try {
      const entries = new Map<string, Entry>();
      // yauzl refuses absolute names and names with `..` segments while listing, so none gets in here.
      for await (const entry of zip.eachEntry()) {
        if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      }
      return new ZipExportArchive(zip, entries, exportRoot(entries), label);
    } catch (error) {
      zip.close();
      throw exportFailure(`${label} is not a readable ZIP archive: ${errorMessage(error)}`);
    }
  }

  async listFiles(folder: string): Promise<string[] | null> {
    const prefix = this.path(folder) + '/';
    const names = [...this.entries.keys()]
      .filter((name) => name.startsWith(prefix) && !name.slice(prefix.length).includes('/'))
      .map((name) => name.slice(prefix.length));
    return names.length > 0 ? names : null;
  }

  async read(file: string): Promise<Buffer | null> {
    const entry = this.entries.get(this.path(file));
    if (entry === undefined) return null;
    assertReadableSize(entry.uncompressedSize, file, this.label);
    try {
      const stream = await this.zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        // yauzl holds the stream to the declared size; counting keeps the limit independent of that.
        size += chunk.length;
        assertReadableSize(size, file, this.label);
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    } catch (error) {
      throw readFailure(error, file, this.label);
    }
  }

  async close(): Promise<void> {
    this.zip.close();
  }

  private path(relativePath: string): string {
    return this.root === '' ? relativePath : `${this.root}/${relativePath}`;
  }
}

/** The folder holding the shallowest channels.json: the archive root for a plain export. */
function exportRoot(entries: Map<string, Entry>): string {
  const candidates = [...entries.keys()]
    .filter((name) => posix.basename(name) === 'channels.json')
    .map((name) => posix.dirname(name))
    .sort((a, b) => a.split('/').length - b.split('/').length);
  const root = candidates[0] ?? '.';
  return root === '.' ? '' : root;
}
