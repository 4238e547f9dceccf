import type { ConnectionSettings, ConnectorOptions, PlatformConnector } from './connector';
import { DiscordConnector } from './discord/discord-connector';
import { DiscordExportConnector } from './discord-export/discord-export-connector';
import { GenericImportConnector } from './generic-import/generic-import-connector';
import { MattermostConnector } from './mattermost/mattermost-connector';
import { SlackConnector } from './slack/slack-connector';
import { TeamsConnector } from './teams/teams-connector';
import { SlackExportConnector } from './slack-export/slack-export-connector';

export function createConnector(settings: ConnectionSettings, options: ConnectorOptions): PlatformConnector {
  switch (settings.platform) {
    case 'slack':
      return new SlackConnector(settings, options);
    case 'slack_export':
      return new SlackExportConnector(settings, options);
    case 'discord':
      return new DiscordConnector(settings, options);
    case 'discord_export':
      return new DiscordExportConnector(settings, options);
    case 'generic_import':
      return new GenericImportConnector(settings, options);
    case 'mattermost':
      return new MattermostConnector(settings, options);
    case 'teams':
      return new TeamsConnector(settings, options);
    default:
      throw new Error(
        `No connector for platform "${String(settings.platform)}" (connection ${settings.connection_id})`,
      );
  }
}
