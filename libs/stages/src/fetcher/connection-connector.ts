import { EventStore } from '@atlas/messaging';
import { ConnectorOptions, createConnector, PlatformConnector, SecretBox } from '@atlas/platforms';
import { readConnection } from '@atlas/sync';
import { JobFailure } from '../run-job-stage';

/** Builds the platform connector of a connection from its last event, opening its sealed credentials. */
export async function connectorFor(
  events: EventStore,
  connectionId: string,
  secretKey: Buffer | null,
  options: ConnectorOptions,
): Promise<PlatformConnector> {
  const snapshot = await readConnection(events, connectionId);
  if (!snapshot) {
    throw new JobFailure({
      code: 'INTERNAL_ERROR',
      message: `Connection ${connectionId} no longer exists`,
      details: {},
    });
  }
  const { connection } = snapshot;
  let credentials: Record<string, string> | null = null;
  if (connection.credentials) {
    if (!secretKey) throw new Error('this worker has no ATLAS_SECRET_KEY to open credentials with');
    credentials = new SecretBox(secretKey).open(connection.credentials);
  }
  return createConnector(
    { connection_id: connectionId, platform: connection.platform, config: connection.config, credentials },
    options,
  );
}
