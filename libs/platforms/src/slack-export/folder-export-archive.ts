import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertReadableSize, ExportArchive, exportFailure, readFailure } from './export-archive';
import { isInside } from './import-path';

/** An unpacked export. Every path is resolved, links followed, and must stay inside the export folder. */
export class FolderExportArchive implements ExportArchive {
  constructor(
    private readonly root: string,
    readonly label: string,
  ) {}

  async listFiles(folder: string): Promise<string[] | null> {
    const path = await this.resolve(folder);
    if (path === null || !(await stat(path)).isDirectory()) return null;
    const entries = await readdir(path, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  }

  async read(file: string): Promise<Buffer | null> {
    const path = await this.resolve(file);
    if (path === null) return null;
    try {
      assertReadableSize((await stat(path)).size, file, this.label);
      return await readFile(path);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw readFailure(error, file, this.label);
    }
  }

  async close(): Promise<void> {}

  private async resolve(relativePath: string): Promise<string | null> {
    const requested = join(this.root, relativePath);
    if (!isInside(this.root, requested)) throw escaped(relativePath, this.label);
    let real: string;
    try {
      real = await realpath(requested);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    if (!isInside(this.root, real)) throw escaped(relativePath, this.label);
    return real;
  }
}

function escaped(relativePath: string, label: string) {
  return exportFailure(`${relativePath} in ${label} leads outside the export`);
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
