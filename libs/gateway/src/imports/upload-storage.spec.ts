import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import { removeStaleStagingFiles, storeUpload } from './stored-uploads';
import { HashingDiskStorage, stagingDir, StagedFile, uploadOptions, uploadsDir } from './upload-storage';

describe('upload storage', () => {
  let importDir: string;
  beforeEach(() => (importDir = mkdtempSync(join(tmpdir(), 'atlas-uploads-'))));
  afterEach(() => rmSync(importDir, { recursive: true, force: true }));

  const storage = () => new HashingDiskStorage(stagingDir(importDir));
  const handle = (stream: Readable) =>
    new Promise<Partial<StagedFile>>((resolve, reject) =>
      storage()._handleFile({} as Request, { stream } as Express.Multer.File, (error, info) =>
        error ? reject(error) : resolve(info!),
      ),
    );

  it('writes the upload to a staging file and hashes it on the way', async () => {
    const chunks = [Buffer.from('first chunk, '), Buffer.from('second chunk')];
    const info = await handle(Readable.from(chunks));
    const content = Buffer.concat(chunks);
    expect(info.size).toBe(content.length);
    expect(info.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(info.path!.startsWith(stagingDir(importDir))).toBe(true);
    expect(readFileSync(info.path!)).toEqual(content);
  });

  it('leaves no staging file when the upload fails half way', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(handle(failing)).rejects.toThrow('connection reset');
    expect(readdirSync(stagingDir(importDir))).toEqual([]);
  });

  it('removes a staged file when multer asks', async () => {
    const info = await handle(Readable.from([Buffer.from('x')]));
    await new Promise<void>((resolve, reject) =>
      storage()._removeFile({} as Request, info as Express.Multer.File, (error) => (error ? reject(error) : resolve())),
    );
    expect(existsSync(info.path!)).toBe(false);
  });

  it('takes its limits from the configuration, one file at most', () => {
    const options = uploadOptions({ importDir, maxUploadBytes: 12345 } as never);
    expect(options.limits).toMatchObject({ fileSize: 12345, files: 1 });
    expect(options.storage).toBeInstanceOf(HashingDiskStorage);
  });

  it('moves a checked upload into place under its hash, once', async () => {
    const first = await handle(Readable.from([Buffer.from('same bytes')]));
    const stored = await storeUpload(importDir, first as StagedFile, 'csv');
    expect(stored).toEqual({
      relativePath: `uploads/${first.sha256}.csv`,
      absolutePath: join(uploadsDir(importDir), `${first.sha256}.csv`),
      createdNow: true,
    });
    expect(existsSync(first.path!)).toBe(false);

    const second = await handle(Readable.from([Buffer.from('same bytes')]));
    expect((await storeUpload(importDir, second as StagedFile, 'csv')).createdNow).toBe(false);
    // The stored file is left alone; the second staging copy is the caller's to remove.
    expect(existsSync(second.path!)).toBe(true);
  });

  it('removes only staging files older than the given age', async () => {
    const folder = stagingDir(importDir);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'old.part'), 'x');
    writeFileSync(join(folder, 'fresh.part'), 'x');
    writeFileSync(join(folder, 'other.txt'), 'x');
    const dayAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(join(folder, 'old.part'), dayAgo, dayAgo);
    expect(await removeStaleStagingFiles(importDir, 24 * 3600 * 1000)).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['fresh.part', 'other.txt']);
  });

  it('has nothing to clean before the first upload', async () => {
    expect(await removeStaleStagingFiles(importDir, 0)).toBe(0);
  });
});
