import type {
  ConnectionSettings,
  ConnectorOptions,
  DiscoveredChannel,
  FetchedPage,
  FetchRequest,
  PlatformConnector,
} from '../connector';
import { authorIdOf } from '../import-files/author-id';
import { fetchImportChannel, ImportChannelReader } from '../import-files/import-channel-fetch';
import { importChannelNotFound, importFailure } from '../import-files/import-failure';
import { baseNameOf, fileFingerprint, ImportFile, openImportSource } from '../import-files/import-source';
import { OccurrenceCounter, stableId } from '../import-files/stable-id';
import { GenericFormat, genericRecords } from './generic-records';
import { GenericRow, normalizeGenericRow, toGenericRow } from './generic-row';
import { ImportMapping, parseImportMapping } from './import-mapping';

const EXTENSIONS: Record<string, GenericFormat> = { csv: 'csv', jsonl: 'jsonl', ndjson: 'jsonl' };

/** The file a connection imports, with how to read it. */
interface GenericImport {
  file: ImportFile;
  label: string;
  format: GenericFormat;
  mapping: ImportMapping;
  /** The one channel of a file without a channel column. */
  soleChannel: { id: string; name: string } | null;
}

/**
 * Messages from any CSV or JSONL file (`config.path`), its columns named by `config.mapping`. A file
 * with a channel column holds one channel per value; otherwise it is one channel, named by
 * `config.channel_name` or the file's name.
 */
export class GenericImportConnector implements PlatformConnector {
  readonly platform = 'generic_import' as const;

  constructor(
    private readonly settings: ConnectionSettings,
    private readonly options: ConnectorOptions,
  ) {}

  /** Reads every row, so a file that fails anywhere fails here, naming the row. */
  async discoverChannels(signal?: AbortSignal): Promise<DiscoveredChannel[]> {
    const source = await this.open();
    const counts = new Map<string, number>();
    for await (const row of rowsOf(source, signal)) {
      const channel = row.channel ?? source.soleChannel!.id;
      counts.set(channel, (counts.get(channel) ?? 0) + 1);
    }
    if (source.soleChannel !== null) {
      const { id, name } = source.soleChannel;
      return [{ channel_id: id, name, topic: null, is_private: false, message_count_hint: counts.get(id) ?? 0 }];
    }
    return [...counts].map(([channel, count]) => ({
      channel_id: channel,
      name: channel,
      topic: null,
      is_private: false,
      message_count_hint: count,
    }));
  }

  async *fetchMessages(request: FetchRequest): AsyncGenerator<FetchedPage> {
    const source = await this.open();
    const { channelId } = request;
    const connectionId = this.settings.connection_id;
    const notFound = () => importChannelNotFound(`Channel ${channelId} is not in ${source.label}`);
    if (source.soleChannel !== null && source.soleChannel.id !== channelId) throw notFound();
    const reader: ImportChannelReader<GenericRow> = {
      label: source.label,
      fingerprint: fileFingerprint([source.file]),
      exportedAtMs: null,
      async *rows(signal: AbortSignal) {
        for await (const row of rowsOf(source, signal))
          if (row.channel === null || row.channel === channelId) yield row;
      },
      author: (row) => ({ id: authorIdOf(connectionId, row.authorId, row.authorName), name: row.authorName }),
      emptyChannelError: source.soleChannel === null ? notFound : undefined,
      normalize: (row, place) => normalizeGenericRow(row, channelId, place, connectionId),
    };
    yield* fetchImportChannel(reader, request);
  }

  private async open(): Promise<GenericImport> {
    const { config } = this.settings;
    const mapping = parseImportMapping(config.mapping);
    if (config.format !== undefined && config.format !== 'csv' && config.format !== 'jsonl') {
      throw importFailure(`The import format "${config.format}" (config.format) is neither csv nor jsonl`);
    }
    const source = await openImportSource(this.options.importDir, config.path, Object.keys(EXTENSIONS));
    if (source.isFolder) throw importFailure(`${source.label} is a folder: a generic import is one CSV or JSONL file`);
    const file = source.files[0];
    const format = (config.format as GenericFormat | undefined) ?? EXTENSIONS[file.extension];
    if (!format) throw importFailure(`${source.label} is neither .csv nor .jsonl: set the format (config.format)`);
    const baseName = baseNameOf(file);
    const soleChannel = mapping.channel
      ? null
      : { id: stableId('file-', [baseName.toLowerCase()]), name: config.channel_name || baseName };
    return { file, label: source.label, format, mapping, soleChannel };
  }
}

/** Every row of the file; the id counter runs over all of them, so a row's id does not depend on the channel asked. */
async function* rowsOf(source: GenericImport, signal?: AbortSignal): AsyncGenerator<GenericRow> {
  const occurrences = new OccurrenceCounter();
  for await (const record of genericRecords(source.file.path, source.format, source.mapping, source.label, signal)) {
    yield toGenericRow(record, source.mapping, occurrences, source.label);
  }
}
