import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ImportPathError, isInside, resolveImportPath } from '../slack-export/import-path';
import { importFailure, importReadFailure } from './import-failure';

/** One file of an import, checked to lie inside the import folder. */
export interface ImportFile {
  /** Real path, links followed. */
  path: string;
  /** The file's name as listed (a folder's entry, or the file the path names). */
  name: string;
  /** Lower-case extension without the dot. */
  extension: string;
  size: number;
  mtimeMs: number;
}

/** What `config.path` names: one file, or a folder whose files of the wanted kinds are listed. */
export interface ImportSource {
  /** Names the import in error messages, as the connection gave it. */
  label: string;
  isFolder: boolean;
  files: ImportFile[];
}

/**
 * Opens `path` inside the import folder. A folder is listed one level deep, keeping the files whose
 * extension is one of `extensions`, in natural name order (`part 2` before `part 10`); every entry is
 * resolved again, so a link inside the folder cannot lead out of it.
 */
export async function openImportSource(
  importDir: string,
  path: string | undefined,
  extensions: readonly string[],
): Promise<ImportSource> {
  if (!path) throw importFailure('The connection has no import path (config.path)');
  let real: string;
  try {
    real = resolveImportPath(importDir, path);
  } catch (error) {
    if (error instanceof ImportPathError) throw importFailure(error.message);
    throw error;
  }
  try {
    const stats = await stat(real);
    if (!stats.isDirectory()) {
      return { label: path, isFolder: false, files: [toImportFile(real, basename(real), stats)] };
    }
    const files: ImportFile[] = [];
    const names = (await readdir(real)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const name of names) {
      if (!extensions.includes(extensionOf(name))) continue;
      const entry = await realpath(join(real, name));
      if (!isInside(real, entry)) throw importFailure(`${name} in ${path} leads outside the import`);
      const entryStats = await stat(entry);
      if (entryStats.isFile()) files.push(toImportFile(entry, name, entryStats));
    }
    if (files.length === 0) {
      throw importFailure(`${path} holds no ${extensions.map((extension) => `.${extension}`).join(' or ')} file`);
    }
    return { label: path, isFolder: true, files };
  } catch (error) {
    throw importReadFailure(error, path);
  }
}

/** Changes whenever the file is rewritten: a resume token taken on one version refuses another. */
export function fileFingerprint(files: readonly ImportFile[]): string {
  return files.map((file) => `${file.name}:${file.size}:${Math.trunc(file.mtimeMs)}`).join('|');
}

export function extensionOf(name: string): string {
  return extname(name).slice(1).toLowerCase();
}

/** The file's name without its extension. */
export function baseNameOf(file: ImportFile): string {
  return file.name.slice(0, file.name.length - extname(file.name).length);
}

function toImportFile(path: string, name: string, stats: { size: number; mtimeMs: number }): ImportFile {
  return { path, name, extension: extensionOf(name), size: stats.size, mtimeMs: stats.mtimeMs };
}
