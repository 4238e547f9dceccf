import { STRICT_OUTBOUND_POLICY } from '@atlas/outbound';
import { checkPlatformSettings, credentialDestinationChanges } from './platform-settings';

const options = { resolvePath: (path: string) => `/imports/${path}`, outboundPolicy: STRICT_OUTBOUND_POLICY };

describe('credentialDestinationChanges', () => {
  it('names the settings that decide where each platform sends its credentials', () => {
    const changed = (platform: Parameters<typeof credentialDestinationChanges>[0], key: string) =>
      credentialDestinationChanges(platform, {}, { [key]: 'https://elsewhere.example' });
    expect(changed('slack', 'base_url')).toEqual(['base_url']);
    expect(changed('discord', 'base_url')).toEqual(['base_url']);
    expect(changed('mattermost', 'base_url')).toEqual(['base_url']);
    expect(changed('teams', 'base_url')).toEqual(['base_url']);
    expect(changed('teams', 'auth_url')).toEqual(['auth_url']);
    expect(changed('teams', 'tenant_id')).toEqual(['tenant_id']);
    // Links and names inside the same platform do not move the credentials.
    expect(changed('slack', 'workspace_url')).toEqual([]);
    expect(changed('teams', 'team_id')).toEqual([]);
    expect(changed('teams', 'client_id')).toEqual([]);
    expect(changed('discord', 'guild_id')).toEqual([]);
  });

  it('sees a setting set, changed or removed, and not one left as it was', () => {
    const before = { base_url: 'https://a.example/api', edit_lookback_days: '3' };
    expect(credentialDestinationChanges('slack', before, { ...before, edit_lookback_days: '5' })).toEqual([]);
    expect(credentialDestinationChanges('slack', before, { ...before, base_url: 'https://b.example/api' })).toEqual([
      'base_url',
    ]);
    expect(credentialDestinationChanges('slack', before, { edit_lookback_days: '3' })).toEqual(['base_url']);
    expect(credentialDestinationChanges('slack', {}, { base_url: 'https://a.example/api' })).toEqual(['base_url']);
  });
});

describe('checkPlatformSettings: endpoints', () => {
  it('holds every endpoint to the outbound URL policy, and links only to their shape', () => {
    const { problems } = checkPlatformSettings(
      'teams',
      {
        team_id: 't',
        base_url: 'http://graph.example/v1.0',
        auth_url: 'https://169.254.169.254/',
        tenant_id: 'x',
        client_id: 'y',
      },
      { client_secret: 's' },
      options,
    );
    expect(problems).toEqual([
      'config.base_url must be an https:// URL (plain http is allowed only with ATLAS_ALLOW_HTTP_PLATFORM_URLS=true)',
      expect.stringMatching(/^config\.auth_url points at 169\.254\.169\.254, which is a link-local, metadata/),
    ]);
    const slack = checkPlatformSettings(
      'slack',
      { base_url: 'https://[::1]/api', workspace_url: 'http://workspace.example' },
      { token: 'xoxb' },
      options,
    );
    expect(slack.problems).toEqual([expect.stringMatching(/^config\.base_url points at ::1, which is a loopback/)]);
  });
});
