import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** An export path the service must not read: outside the import folder, missing, or not a folder or file. */
export class ImportPathError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ImportPathError';
  }
}

/**
 * The real path of an export (a folder or a ZIP file) given relative to the import folder or absolute.
 * Both the path as written and its real path, symlinks followed, must lie inside the import folder:
 * `../x` and a link pointing out of it are refused alike.
 */
export function resolveImportPath(importDir: string, path: string): string {
  if (path.trim() === '') throw new ImportPathError('The export path is empty', path);
  // The import folder is the service's own configuration: if it is missing, that is not the caller's fault.
  const root = realpathSync(importDir);
  const requested = resolve(root, path);
  if (!isInside(root, requested)) throw outside(path);

  let real: string;
  try {
    real = realpathSync(requested);
  } catch {
    throw new ImportPathError(`No export found at "${path}" in the import folder`, path);
  }
  if (!isInside(root, real)) throw outside(path);

  const stats = statSync(real);
  if (!stats.isDirectory() && !stats.isFile()) {
    throw new ImportPathError(`"${path}" is neither a folder nor a ZIP file`, path);
  }
  return real;
}

export function isInside(folder: string, target: string): boolean {
  const fromFolder = relative(folder, target);
  if (isAbsolute(fromFolder)) return false;
  return fromFolder !== '..' && !fromFolder.startsWith(`..${sep}`);
}

function outside(path: string): ImportPathError {
  return new ImportPathError(`"${path}" is outside the import folder`, path);
}
