import type {
  ConnectionSettings,
  ConnectorOptions,
  DiscoveredChannel,
  FetchedPage,
  FetchRequest,
  PlatformConnector,
} from '../connector';
import { PlatformError } from '../platform-error';
import type { SlackMessageContext } from '../slack/slack-message';
import { slackChannelArchive, slackPermalink, workspaceOrigin } from '../slack/slack-permalink';
import { ExportArchive, exportFailure, isDirectory } from './export-archive';
import { exportChannelPages } from './export-channel-pages';
import { isChannelMessage } from './export-entries';
import { ExportChannel, listDayFiles, readChannels, readDayFile, readUsers } from './export-files';
import { FolderExportArchive } from './folder-export-archive';
import { ImportPathError, resolveImportPath } from './import-path';
import { ZipExportArchive } from './zip-export-archive';

/**
 * A Slack workspace export, a folder or a ZIP file at `config.path` inside the import folder.
 * `config.workspace_url` (e.g. `acme.slack.com`), when given, makes permalinks. Exports with edit and
 * deletion logs turn their message_changed and message_deleted entries into the edited message and a
 * tombstone, so a newer export of the workspace brings the edits and deletions made since.
 */
export class SlackExportConnector implements PlatformConnector {
  readonly platform = 'slack_export' as const;

  constructor(
    private readonly settings: ConnectionSettings,
    private readonly options: ConnectorOptions,
  ) {}

  async discoverChannels(signal?: AbortSignal): Promise<DiscoveredChannel[]> {
    return this.withArchive(async (archive) => {
      const discovered: DiscoveredChannel[] = [];
      for (const channel of await readChannels(archive)) {
        discovered.push({
          channel_id: channel.id,
          name: channel.name,
          topic: channel.topic,
          is_private: channel.isPrivate,
          message_count_hint: await countMessages(archive, channel, signal),
        });
      }
      return discovered;
    });
  }

  async *fetchMessages(request: FetchRequest): AsyncGenerator<FetchedPage> {
    const origin = this.permalinkOrigin();
    const archive = await this.openArchive();
    try {
      const channels = await readChannels(archive);
      const channel = channels.find((candidate) => candidate.id === request.channelId);
      const dayFiles = channel && (await listDayFiles(archive, channel));
      if (!channel || !dayFiles) throw channelNotFound(request.channelId, channel, archive);

      const users = await readUsers(archive);
      const names = new Map(channels.map((candidate) => [candidate.id, candidate.name]));
      const context: SlackMessageContext = {
        channelId: channel.id,
        user: (id) => users.get(id),
        channelName: (id) => names.get(id),
        permalink: (ts, threadParentTs) => origin && slackPermalink(origin, channel.id, ts, threadParentTs),
      };
      yield* exportChannelPages(archive, channel, dayFiles, request, context);
    } finally {
      await archive.close();
    }
  }

  permalinkBase(channelId: string): string | null {
    const origin = this.permalinkOrigin();
    return origin && slackChannelArchive(origin, channelId);
  }

  private async withArchive<T>(use: (archive: ExportArchive) => Promise<T>): Promise<T> {
    const archive = await this.openArchive();
    try {
      return await use(archive);
    } finally {
      await archive.close();
    }
  }

  private async openArchive(): Promise<ExportArchive> {
    const path = this.settings.config.path;
    if (!path) throw exportFailure('The connection has no export path (config.path)');
    let realPath: string;
    try {
      realPath = resolveImportPath(this.options.importDir, path);
    } catch (error) {
      if (error instanceof ImportPathError) throw exportFailure(error.message);
      throw error;
    }
    return (await isDirectory(realPath))
      ? new FolderExportArchive(realPath, path)
      : ZipExportArchive.open(realPath, path);
  }

  private permalinkOrigin(): string | null {
    const url = this.settings.config.workspace_url;
    if (!url) return null;
    try {
      return workspaceOrigin(url);
    } catch {
      throw exportFailure(`The workspace URL "${url}" (config.workspace_url) is not a URL`);
    }
  }
}

/** Messages only: the edit and deletion events of an export are not messages of their own. */
async function countMessages(archive: ExportArchive, channel: ExportChannel, signal?: AbortSignal): Promise<number> {
  let count = 0;
  for (const dayFile of (await listDayFiles(archive, channel)) ?? []) {
    signal?.throwIfAborted();
    count += (await readDayFile(archive, channel, dayFile)).filter(isChannelMessage).length;
  }
  return count;
}

function channelNotFound(channelId: string, channel: ExportChannel | undefined, archive: ExportArchive): PlatformError {
  const message = channel
    ? `The folder "${channel.name}" of channel ${channelId} is missing from ${archive.label}`
    : `Channel ${channelId} is not in ${archive.label}`;
  return new PlatformError('CHANNEL_NOT_FOUND', message, { transient: false });
}
