import { FormEvent, useId, useState } from 'react';
import { api } from '../api/client';
import type { ConnectionView } from '../api/types';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatTime, PLATFORM_NAMES } from '../common/format';
import { HealthCell, TestResult } from './HealthCell';
import { credentialSets } from './platform-fields';
import { problemsByField } from './problems';
import { SettingInput } from './SettingInput';

type Panel = 'none' | 'rotate' | 'delete';

/** One connection: platform, channels, health (from its syncs, or its last test), and test, rotate credentials, delete. */
export function ConnectionCard({ connection, onChanged }: { connection: ConnectionView; onChanged: () => void }) {
  const id = useId();
  const [test, setTest] = useState<TestResult | null>(null);
  const [testing, setTesting] = useState(false);
  const [panel, setPanel] = useState<Panel>('none');
  const [error, setError] = useState<unknown>(null);
  const sets = credentialSets(connection.platform);

  async function runTest() {
    setTesting(true);
    setError(null);
    try {
      setTest({ answer: await api.testConnection(connection.connection_id), at: new Date() });
    } catch (caught) {
      setError(caught);
    } finally {
      setTesting(false);
    }
  }

  return (
    <article className="card" aria-labelledby={`${id}-name`} data-connection={connection.connection_id}>
      <h3 id={`${id}-name`}>{connection.name}</h3>
      <dl className="stat-grid">
        <div>
          <dt>Platform</dt>
          <dd>{PLATFORM_NAMES[connection.platform] ?? connection.platform}</dd>
        </div>
        <div>
          <dt>Channels</dt>
          <dd>{connection.channels.length}</dd>
        </div>
        <div>
          <dt>Health</dt>
          <dd>
            <HealthCell health={connection.health} test={test} />
          </dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>{formatTime(connection.created_at)}</dd>
        </div>
      </dl>
      {test?.answer.error && (
        <p className="error">
          {test.answer.error.code}: {test.answer.error.message}
        </p>
      )}
      {test && test.answer.channels_missing.length > 0 && (
        <p className="warn">No longer visible: {test.answer.channels_missing.join(', ')}</p>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void runTest()} disabled={testing}>
          {testing ? 'Testing…' : 'Test'}
        </button>
        {sets.length > 0 && (
          <button
            type="button"
            className="secondary"
            aria-expanded={panel === 'rotate'}
            onClick={() => setPanel(panel === 'rotate' ? 'none' : 'rotate')}
          >
            Rotate credentials
          </button>
        )}
        <button
          type="button"
          className="danger"
          aria-expanded={panel === 'delete'}
          onClick={() => setPanel(panel === 'delete' ? 'none' : 'delete')}
        >
          Delete
        </button>
      </div>
      <ErrorNotice error={error} />
      {panel === 'rotate' && (
        <RotateCredentials
          connection={connection}
          onDone={() => {
            setPanel('none');
            onChanged();
          }}
        />
      )}
      {panel === 'delete' && (
        <ConfirmDelete connection={connection} onCancel={() => setPanel('none')} onDeleted={onChanged} />
      )}
    </article>
  );
}

function RotateCredentials({ connection, onDone }: { connection: ConnectionView; onDone: () => void }) {
  const id = useId();
  const sets = credentialSets(connection.platform);
  const [setIndex, setSetIndex] = useState(0);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problems = problemsByField(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const credentials = Object.fromEntries((sets[setIndex] ?? []).map((key) => [key, values[key] ?? '']));
      await api.updateConnection(connection.connection_id, { credentials });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={`New credentials for ${connection.name}`}>
      {sets.length > 1 && (
        <div role="radiogroup" aria-label="Kind of credentials">
          {sets.map((set, index) => (
            <label key={set.join('+')} className="inline">
              <input type="radio" name={`${id}-set`} checked={setIndex === index} onChange={() => setSetIndex(index)} />
              {set.join(' + ')}
            </label>
          ))}
        </div>
      )}
      {(sets[setIndex] ?? []).map((key) => (
        <SettingInput
          key={key}
          id={`${id}-${key}`}
          name={`credentials.${key}`}
          field={{ key, spec: { kind: 'text' }, required: true }}
          value={values[key] ?? ''}
          onChange={(value) => setValues((before) => ({ ...before, [key]: value }))}
          problems={problems.get(`credentials.${key}`) ?? []}
          secret
        />
      ))}
      {(problems.get('form') ?? problems.get('credentials') ?? []).map((problem) => (
        <p key={problem} role="alert" className="field-error">
          {problem}
        </p>
      ))}
      <p className="hint">The new credentials are checked with the platform before they replace the old ones.</p>
      <button type="submit" disabled={busy}>
        {busy ? 'Checking…' : 'Save new credentials'}
      </button>
    </form>
  );
}

function ConfirmDelete({
  connection,
  onCancel,
  onDeleted,
}: {
  connection: ConnectionView;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const names = connection.channels.map((channel) => channel.name);

  async function confirm() {
    setBusy(true);
    try {
      await api.deleteConnection(connection.connection_id);
      onDeleted();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <div role="alertdialog" aria-label={`Delete ${connection.name}?`} className="confirm">
      <p>
        Deleting <strong>{connection.name}</strong> cancels its queued and running syncs and removes its {names.length}{' '}
        channel{names.length === 1 ? '' : 's'}
        {names.length > 0 ? ` (${names.join(', ')})` : ''} with their schedules. Its stored credentials are discarded.
        This cannot be undone.
      </p>
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="button" className="danger" onClick={() => void confirm()} disabled={busy}>
          {busy ? 'Deleting…' : `Delete ${connection.name}`}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}
