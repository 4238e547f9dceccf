import { createConnector } from './connector-factory';
import type { ConnectionSettings } from './connector';
import { SlackConnector } from './slack/slack-connector';
import { SlackExportConnector } from './slack-export/slack-export-connector';

const options = { maxRetryAfterSeconds: 60, importDir: '/tmp' };

function settings(platform: string): ConnectionSettings {
  return {
    connection_id: 'conn_1',
    platform: platform as ConnectionSettings['platform'],
    config: {},
    credentials: null,
  };
}

describe('createConnector', () => {
  it('builds the connector of each platform', () => {
    expect(createConnector(settings('slack'), options)).toBeInstanceOf(SlackConnector);
    expect(createConnector(settings('slack_export'), options)).toBeInstanceOf(SlackExportConnector);
    expect(createConnector(settings('slack_export'), options).platform).toBe('slack_export');
  });

  it('refuses an unknown platform, naming it', () => {
    expect(() => createConnector(settings('irc'), options)).toThrow(
      'No connector for platform "irc" (connection conn_1)',
    );
  });
});
