import type { ConnectionSettings, ConnectorOptions, DiscoveredChannel } from '../connector';
import { DiscordExportConnector } from '../discord-export/discord-export-connector';
import { GenericImportConnector } from '../generic-import/generic-import-connector';
import { SlackExportConnector } from '../slack-export/slack-export-connector';

/** What an import holds, once every file of it was read and found usable. */
export interface ImportCheck {
  channels: DiscoveredChannel[];
  /** Messages in all channels. */
  messages: number;
}

/**
 * Reads an import (Slack export, DiscordChatExporter export, generic CSV/JSONL) through, as a sync
 * would, before a connection is registered on it. Fails with the PlatformError a sync would fail with
 * (code PLATFORM_ERROR, not transient, naming the file and the row or line) when anything is unusable:
 * a path outside the import folder, a column mapping naming a column the file lacks, a timestamp that
 * does not parse, a JSONL line that is not JSON, a malformed export.
 */
export async function validateImport(
  settings: ConnectionSettings,
  options: ConnectorOptions,
  signal?: AbortSignal,
): Promise<ImportCheck> {
  const channels = await readAll(settings, options, signal);
  return { channels, messages: channels.reduce((sum, channel) => sum + (channel.message_count_hint ?? 0), 0) };
}

function readAll(
  settings: ConnectionSettings,
  options: ConnectorOptions,
  signal?: AbortSignal,
): Promise<DiscoveredChannel[]> {
  switch (settings.platform) {
    case 'generic_import':
      return new GenericImportConnector(settings, options).discoverChannels(signal);
    case 'discord_export':
      return new DiscordExportConnector(settings, options).validate(signal);
    case 'slack_export':
      return new SlackExportConnector(settings, options).discoverChannels(signal);
    default:
      throw new Error(`${settings.platform} connections are not file imports`);
  }
}
