import type { ConnectionSettings, ConnectorOptions, PlatformConnector } from './connector';
import { SlackConnector } from './slack/slack-connector';
import { SlackExportConnector } from './slack-export/slack-export-connector';

export function createConnector(settings: ConnectionSettings, options: ConnectorOptions): PlatformConnector {
  switch (settings.platform) {
    case 'slack':
      return new SlackConnector(settings, options);
    case 'slack_export':
      return new SlackExportConnector(settings, options);
    default:
      throw new Error(
        `No connector for platform "${String(settings.platform)}" (connection ${settings.connection_id})`,
      );
  }
}
