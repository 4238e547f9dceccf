import type { ConnectionDoc } from '../documents';
import { applyOnce, Projection } from './projection';

export const projectConnections: Projection = async (tx, { seq, event }) => {
  switch (event.type) {
    case 'ConnectionCreated': {
      const d = event.data;
      await applyOnce<ConnectionDoc>(tx, 'connections', d.connection_id, seq, () => ({
        connection_id: d.connection_id,
        name: d.name,
        platform: d.platform,
        config: d.config,
        has_credentials: d.credentials !== null,
        created_at: event.metadata.occurred_at,
        updated_at: null,
      }));
      return;
    }
    case 'ConnectionUpdated': {
      const d = event.data;
      await applyOnce<ConnectionDoc>(tx, 'connections', d.connection_id, seq, (current) =>
        current
          ? {
              ...current,
              name: d.name,
              config: d.config,
              has_credentials: d.credentials !== null,
              updated_at: event.metadata.occurred_at,
            }
          : undefined,
      );
      return;
    }
    case 'ConnectionDeleted':
      await applyOnce<ConnectionDoc>(tx, 'connections', event.data.connection_id, seq, () => null);
      return;
  }
};
