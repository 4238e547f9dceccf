import { ConnectorOptions } from '@atlas/platforms';
import { TeamsConnector } from '@atlas/platforms';
import { EMULATED_APP, EMULATED_TEAM_ID, GraphEmulator } from './graph-emulator';
import { EMULATOR_OUTBOUND_POLICY } from '../outbound-allowances';

export interface TeamsTestCredentials {
  /** A bearer token given as is; without it, the client-credentials flow. */
  token?: string;
  clientSecret?: string;
  tenantId?: string;
}

/** A TeamsConnector pointed at the emulator, as a new process would build it. */
export function teamsConnector(
  emulator: GraphEmulator,
  options: Partial<ConnectorOptions> = {},
  credentials: TeamsTestCredentials = {},
): TeamsConnector {
  return new TeamsConnector(
    {
      connection_id: 'conn_teams_test',
      platform: 'teams',
      config: {
        base_url: emulator.graphRoot,
        auth_url: emulator.url,
        team_id: EMULATED_TEAM_ID,
        tenant_id: credentials.tenantId ?? EMULATED_APP.tenantId,
        client_id: EMULATED_APP.clientId,
      },
      credentials: credentials.token
        ? { token: credentials.token }
        : { client_secret: credentials.clientSecret ?? EMULATED_APP.clientSecret },
    },
    { maxRetryAfterSeconds: 5, importDir: '/nonexistent', outboundPolicy: EMULATOR_OUTBOUND_POLICY, ...options },
  );
}
