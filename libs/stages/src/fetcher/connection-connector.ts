import { connectionSubject } from '@atlas/events';
import { EventStore } from '@atlas/messaging';
import { ConnectorOptions, createConnector, PlatformConnector, SecretBox } from '@atlas/platforms';
import { JobFailure } from '../run-job-stage';

/** Builds the platform connector of a connection from its events, opening its sealed credentials. */
export async function connectorFor(
  events: EventStore,
  connectionId: string,
  secretKey: Buffer | null,
  options: ConnectorOptions,
): Promise<PlatformConnector> {
  const last = (await events.lastEntry(connectionSubject(connectionId)))?.decode();
  if (!last || last.type !== 'ConnectionCreated') {
    throw new JobFailure({
      code: 'INTERNAL_ERROR',
      message: `Connection ${connectionId} no longer exists`,
      details: {},
    });
  }
  const { data } = last;
  let credentials: Record<string, string> | null = null;
  if (data.credentials) {
    if (!secretKey) throw new Error('this worker has no ATLAS_SECRET_KEY to open credentials with');
    credentials = new SecretBox(secretKey).open(data.credentials);
  }
  return createConnector(
    { connection_id: connectionId, platform: data.platform, config: data.config, credentials },
    options,
  );
}
