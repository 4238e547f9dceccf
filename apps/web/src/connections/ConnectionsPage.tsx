import { api } from '../api/client';
import { ErrorNotice } from '../common/ErrorNotice';
import { useLoad } from '../common/useLoad';
import { AddConnectionForm } from './AddConnectionForm';
import { ConnectionCard } from './ConnectionCard';
import { UploadExport } from './UploadExport';

/** The platforms Atlas reads from: each connection, and the two ways to add one. */
export function ConnectionsPage() {
  const { data, error, reload } = useLoad(() => api.connections(), []);
  return (
    <section>
      <h1>Connections</h1>
      <ErrorNotice error={error} />
      {data && data.connections.length === 0 && <p>No connections yet: upload an export or add one below.</p>}
      <div className="connection-list">
        {data?.connections.map((connection) => (
          <ConnectionCard key={connection.connection_id} connection={connection} onChanged={() => void reload()} />
        ))}
      </div>
      <div className="two-columns">
        <UploadExport onImported={() => void reload()} />
        <AddConnectionForm onAdded={() => void reload()} />
      </div>
    </section>
  );
}
