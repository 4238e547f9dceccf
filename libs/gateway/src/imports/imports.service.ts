import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { rm } from 'node:fs/promises';
import { ConflictError, stableId, UpstreamError } from '@atlas/common';
import type { AtlasConfig } from '@atlas/config';
import { connectionSubject } from '@atlas/events';
import { EventStore } from '@atlas/messaging';
import { waitForProjection } from '@atlas/read-models';
import { ATLAS_CONFIG, READ_MODEL_STORE } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { ConnectionsService, ConnectionView, SkippedChannelView } from '../connections/connections.service';
import { createValidationPipe } from '../http/validation';
import { examineUpload } from './examine-upload';
import { ImportRefusedError, malformed } from './import-errors';
import { connectionConfig, FORMAT_SPECS, IMPORT_FORMATS, ImportOptions } from './import-formats';
import type { ImportFormat } from './import-formats';
import { ImportRequestDto } from './imports.dto';
import { removeStaleStagingFiles, storeUpload, StoredUpload } from './stored-uploads';
import { StagedFile, UPLOADS_FOLDER } from './upload-storage';
import { DEFAULT_ZIP_LIMITS, verifyZipContent, ZipLimits } from './zip-inspection';

class ImportedFileView {
  @ApiProperty({ enum: IMPORT_FORMATS }) format: ImportFormat;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: 'integer' }) size_bytes: number;
  @ApiProperty({ description: 'Where the file is kept, within the import folder' }) file: string;
}

/** POST /api/imports: the connection the file made (or had made before). */
export class ImportAnswer extends ConnectionView {
  @ApiProperty({ description: 'The same file was imported before: this is the connection it made' })
  already_imported: boolean;
  @ApiProperty({ type: ImportedFileView }) import: ImportedFileView;
  @ApiPropertyOptional({ type: [SkippedChannelView], description: 'Only when this request made the connection' })
  channels_skipped?: SkippedChannelView[];
}

/** Re-importing a file after deleting its connection makes a new one: this many times at most. */
const MAX_GENERATIONS = 100;
const STALE_STAGING_MS = 24 * 60 * 60 * 1000;

/**
 * Turns an uploaded chat export into a connection. The file is checked before anything is stored or
 * recorded; the connection's id comes from the file's hash and the import options, so sending the same
 * file again finds the connection it made instead of making another.
 */
@Injectable()
export class ImportsService implements OnModuleInit {
  private readonly log = new Logger('Imports');

  constructor(
    private readonly connections: ConnectionsService,
    private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const removed = await removeStaleStagingFiles(this.config.importDir, STALE_STAGING_MS);
    if (removed > 0) this.log.log(`Removed ${removed} unfinished upload(s) left in staging`);
  }

  async import(file: StagedFile | undefined, body: unknown): Promise<ImportAnswer> {
    if (!file) {
      throw new ImportRefusedError('FILE_REQUIRED', 'Send the file to import as the multipart/form-data field "file"');
    }
    try {
      const request = await checkRequest(body);
      const options = await examineUpload(file, request, this.zipLimits());
      const { extension, platform } = FORMAT_SPECS[options.format];
      const description = {
        format: options.format,
        sha256: file.sha256,
        size_bytes: file.size,
        file: `${UPLOADS_FOLDER}/${file.sha256}.${extension}`,
      };
      const found = await this.findImport(file.sha256, options);
      if (found.liveSeq !== null) {
        // The same bytes again: only put the file back in case it was removed by hand.
        await storeUpload(this.config.importDir, file, extension);
        return {
          ...(await this.existing(found.connectionId, found.liveSeq)),
          already_imported: true,
          import: description,
        };
      }
      if (options.format === 'slack_export') await verifyZipContent(file.path, this.zipLimits());
      const stored = await storeUpload(this.config.importDir, file, extension);
      try {
        const view = await this.connections.create({
          name: request.name ?? (file.originalname.slice(0, 200) || 'Imported file'),
          platform,
          config: connectionConfig(options, stored.relativePath),
          credentials: null,
          connection_id: found.connectionId,
        });
        this.log.log(`Imported ${options.format} file ${file.sha256} as connection ${found.connectionId}`);
        return { ...view, already_imported: false, import: description };
      } catch (error) {
        return { ...(await this.afterFailedCreate(error, found.connectionId, stored)), import: description };
      }
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /**
   * The connection id of this file and these options: the first generation whose subject is empty, or
   * the live connection. A deleted import leaves its subject behind, so importing again takes the next.
   */
  private async findImport(
    sha256: string,
    options: ImportOptions,
  ): Promise<{ connectionId: string; liveSeq: number | null }> {
    for (let generation = 0; generation < MAX_GENERATIONS; generation++) {
      const connectionId = importConnectionId(sha256, options, generation);
      const last = await this.events.lastEntry(connectionSubject(connectionId));
      if (last === null) return { connectionId, liveSeq: null };
      if (last.type !== 'ConnectionDeleted') return { connectionId, liveSeq: last.seq };
    }
    throw new ConflictError('IMPORT_EXHAUSTED', `This file was imported and deleted ${MAX_GENERATIONS} times`);
  }

  private async existing(connectionId: string, seq: number): Promise<ConnectionView> {
    await waitForProjection(this.store, seq, this.config.readYourWritesTimeoutMs);
    return this.connections.get(connectionId);
  }

  /**
   * Nothing stays of an import that recorded nothing: the stored file goes unless an earlier import
   * of the same bytes keeps it. A concurrent import of the same file that won the race is the answer.
   */
  private async afterFailedCreate(
    error: unknown,
    connectionId: string,
    stored: StoredUpload,
  ): Promise<Omit<ImportAnswer, 'import'>> {
    const last = await this.events.lastEntry(connectionSubject(connectionId)).catch(() => undefined);
    if (last === null && stored.createdNow) await rm(stored.absolutePath, { force: true });
    if (error instanceof ConflictError && error.code === 'CONNECTION_EXISTS' && last) {
      return { ...(await this.existing(connectionId, last.seq)), already_imported: true };
    }
    // A file platform that cannot read its file at discovery: the file is the client's mistake.
    if (error instanceof UpstreamError) {
      // The connector names the file by its real path: the client knows it by its place in the import folder.
      const message = error.message
        .replace('refused the connection', 'cannot read the file')
        .replaceAll(new RegExp(`\\S*/${stored.relativePath.replaceAll('.', '\\.')}`, 'g'), stored.relativePath);
      throw malformed(message, { platform_code: error.code });
    }
    throw error;
  }

  private zipLimits(): ZipLimits {
    return { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: this.config.maxImportUncompressedBytes };
  }
}

/** Same file, same format, same mapping: same connection (the name and channel name do not count). */
export function importConnectionId(sha256: string, options: ImportOptions, generation: number): string {
  return stableId('conn', 'import', sha256, options.format, options.mapping ?? '', generation);
}

async function checkRequest(body: unknown): Promise<ImportRequestDto> {
  const fields = typeof body === 'object' && body !== null ? { ...body } : {};
  return (await createValidationPipe().transform(fields, {
    type: 'body',
    metatype: ImportRequestDto,
  })) as ImportRequestDto;
}
