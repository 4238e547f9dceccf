import type {
  ConnectionSettings,
  ConnectorOptions,
  DiscoveredChannel,
  FetchedPage,
  FetchRequest,
  PlatformConnector,
} from '../connector';
import { fetchImportChannel, ImportChannelReader, ThreadPlace } from '../import-files/import-channel-fetch';
import { importChannelNotFound, importFailure } from '../import-files/import-failure';
import { fileFingerprint, ImportSource, openImportSource } from '../import-files/import-source';
import { OccurrenceCounter } from '../import-files/stable-id';
import { DceCsvRow, dceCsvRows, normalizeDceCsvRow } from './dce-csv';
import { DceChannelFiles, DceFormat, fileLabel, readDceChannels } from './dce-files';
import { countDceJsonMessages, DceJsonRow, dceJsonRows } from './dce-json-rows';
import { normalizeDceMessage } from './dce-message';

const FORMATS: readonly DceFormat[] = ['json', 'csv'];

/**
 * DiscordChatExporter output: one export file, or a folder of them, at `config.path` inside the import
 * folder. JSON exports carry ids, replies and edit times; CSV exports carry none of them, so their
 * messages get ids hashed from their content and their channel is named by the settings or the file.
 */
export class DiscordExportConnector implements PlatformConnector {
  readonly platform = 'discord_export' as const;

  constructor(
    private readonly settings: ConnectionSettings,
    private readonly options: ConnectorOptions,
  ) {}

  /** Counts JSON exports by the count DCE writes at their end, so only their first and last bytes are read. */
  async discoverChannels(signal?: AbortSignal): Promise<DiscoveredChannel[]> {
    return this.discover(false, signal);
  }

  /** Discovery that reads and checks every message of every file: what an upload is checked with. */
  async validate(signal?: AbortSignal): Promise<DiscoveredChannel[]> {
    return this.discover(true, signal);
  }

  private async discover(readEveryMessage: boolean, signal?: AbortSignal): Promise<DiscoveredChannel[]> {
    const { source, channels } = await this.channels();
    const discovered: DiscoveredChannel[] = [];
    for (const channel of channels) {
      let count = 0;
      for (const file of channel.files) {
        signal?.throwIfAborted();
        const label = fileLabel(source, file);
        if (channel.format === 'json' && !readEveryMessage) {
          count += await countDceJsonMessages(file.path, label, signal);
          continue;
        }
        const rows =
          channel.format === 'json'
            ? dceJsonRows(file.path, channel.channelId, label, signal)
            : dceCsvRows(file.path, label, signal);
        for await (const _row of rows) count += 1;
      }
      discovered.push({
        channel_id: channel.channelId,
        name: channel.name,
        topic: channel.topic,
        is_private: channel.isPrivate,
        message_count_hint: count,
      });
    }
    return discovered;
  }

  async *fetchMessages(request: FetchRequest): AsyncGenerator<FetchedPage> {
    const { source, channels } = await this.channels();
    const channel = channels.find((candidate) => candidate.channelId === request.channelId);
    if (!channel) throw importChannelNotFound(`Channel ${request.channelId} is not in ${source.label}`);
    if (channel.format === 'json') yield* fetchImportChannel(jsonReader(source, channel), request);
    else yield* fetchImportChannel(csvReader(source, channel), request);
  }

  private async channels(): Promise<{ source: ImportSource; channels: DceChannelFiles[] }> {
    const { config } = this.settings;
    const format = config.format;
    if (format !== undefined && !FORMATS.includes(format as DceFormat)) {
      throw importFailure(`The export format "${format}" (config.format) is neither json nor csv`);
    }
    const extensions = format ? [format] : FORMATS;
    const source = await openImportSource(this.options.importDir, config.path, extensions);
    const channels = await readDceChannels(source, {
      format: format as DceFormat | undefined,
      channelId: config.channel_id,
      channelName: config.channel_name,
    });
    return { source, channels };
  }
}

function jsonReader(source: ImportSource, channel: DceChannelFiles): ImportChannelReader<DceJsonRow> {
  const context = { channelId: channel.channelId, guildId: channel.guildId ?? '0' };
  return {
    label: source.label,
    fingerprint: fileFingerprint(channel.files),
    exportedAtMs: channel.exportedAtMs,
    async *rows(signal: AbortSignal) {
      for (const file of channel.files)
        yield* dceJsonRows(file.path, channel.channelId, fileLabel(source, file), signal);
    },
    normalize: (row: DceJsonRow, thread: ThreadPlace) => normalizeDceMessage(row.message, context, thread),
  };
}

function csvReader(source: ImportSource, channel: DceChannelFiles): ImportChannelReader<DceCsvRow> {
  return {
    label: source.label,
    fingerprint: fileFingerprint(channel.files),
    exportedAtMs: null,
    async *rows(signal: AbortSignal) {
      // One counter across partitions: identical rows split by a partition boundary still differ.
      const occurrences = new OccurrenceCounter();
      for (const file of channel.files) yield* dceCsvRows(file.path, fileLabel(source, file), signal, occurrences);
    },
    author: (row: DceCsvRow) => ({ id: row.authorId || null, name: row.author || null }),
    normalize: (row: DceCsvRow, place: ThreadPlace) => normalizeDceCsvRow(row, channel.channelId, place.people),
  };
}
