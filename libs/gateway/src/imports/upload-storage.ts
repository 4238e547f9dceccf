import type { MulterModuleOptions } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AtlasConfig } from '@atlas/config';

/** Uploads are kept here, named by their content: `<import dir>/uploads/<sha256>.<ext>`. */
export const UPLOADS_FOLDER = 'uploads';
/** Inside the uploads folder, so that moving a checked upload into place is a rename on one disk. */
export const STAGING_FOLDER = '.staging';
export const STAGING_SUFFIX = '.part';

export const uploadsDir = (importDir: string) => join(importDir, UPLOADS_FOLDER);
export const stagingDir = (importDir: string) => join(uploadsDir(importDir), STAGING_FOLDER);

/** What multer knows of a file once the storage below has written it. */
export interface StagedFile {
  originalname: string;
  path: string;
  size: number;
  sha256: string;
}

/**
 * A multer storage engine that writes the upload to a staging file and hashes it on the way, so the
 * content hash is known without reading the file again. A failed write leaves no staging file.
 */
export class HashingDiskStorage implements StorageEngine {
  constructor(private readonly folder: string) {}

  _handleFile(
    _request: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<StagedFile>) => void,
  ): void {
    const path = join(this.folder, `${randomUUID()}${STAGING_SUFFIX}`);
    const hash = createHash('sha256');
    let size = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    mkdir(this.folder, { recursive: true })
      .then(() => pipeline(file.stream, hashing, createWriteStream(path, { flags: 'wx', mode: 0o600 })))
      .then(
        () => callback(null, { path, size, sha256: hash.digest('hex') }),
        (error: unknown) => rm(path, { force: true }).finally(() => callback(error)),
      );
  }

  _removeFile(_request: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    rm(file.path, { force: true }).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}

/** One file per request, on disk (never in memory), within ATLAS_MAX_UPLOAD_BYTES. */
export function uploadOptions(config: AtlasConfig): MulterModuleOptions {
  return {
    storage: new HashingDiskStorage(stagingDir(config.importDir)),
    // Browsers and curl send UTF-8 file names; busboy would read them as latin1.
    defParamCharset: 'utf8',
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 8, fieldSize: 16 * 1024, parts: 10 },
  };
}
