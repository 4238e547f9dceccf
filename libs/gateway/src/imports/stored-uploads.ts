import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { STAGING_SUFFIX, stagingDir, UPLOADS_FOLDER, uploadsDir } from './upload-storage';

export interface StoredUpload {
  /** The path a connection's `config.path` takes: relative to the import folder. */
  relativePath: string;
  absolutePath: string;
  /** False when the same content was stored before (another import of the same file). */
  createdNow: boolean;
}

/**
 * Moves a checked upload from staging to its place, named by its hash. The rename is atomic: a reader
 * sees the whole file or none. Content stored already stays as it is (the staging copy is left to the
 * caller to remove): the same name means the same bytes.
 */
export async function storeUpload(
  importDir: string,
  staged: { path: string; sha256: string },
  extension: string,
): Promise<StoredUpload> {
  const name = `${staged.sha256}.${extension}`;
  const absolutePath = join(uploadsDir(importDir), name);
  const relativePath = `${UPLOADS_FOLDER}/${name}`;
  if (await exists(absolutePath)) return { relativePath, absolutePath, createdNow: false };
  await rename(staged.path, absolutePath);
  return { relativePath, absolutePath, createdNow: true };
}

/** Staging files a crash left behind; those younger than `olderThanMs` may still be being written. */
export async function removeStaleStagingFiles(
  importDir: string,
  olderThanMs: number,
  now = Date.now(),
): Promise<number> {
  const folder = stagingDir(importDir);
  let removed = 0;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!name.endsWith(STAGING_SUFFIX)) continue;
    const path = join(folder, name);
    const stats = await stat(path).catch(() => null);
    if (stats && now - stats.mtimeMs > olderThanMs) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
