import { FormEvent, useId, useState } from 'react';
import { api } from '../api/client';
import type { ConnectionView, Platform } from '../api/types';
import { PLATFORM_NAMES } from '../common/format';
import { configFields, credentialSets, isFileSource, PLATFORM_KEYS } from './platform-fields';
import { problemsByField } from './problems';
import { SettingInput } from './SettingInput';

/** A new connection, its form generated from the chosen platform's settings; the API's 400 names the fields. */
export function AddConnectionForm({ onAdded }: { onAdded: (connection: ConnectionView) => void }) {
  const id = useId();
  const [platform, setPlatform] = useState<Platform>('slack');
  const [name, setName] = useState('');
  const [config, setConfig] = useState<Record<string, string>>({});
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [credentialSet, setCredentialSet] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sets = credentialSets(platform);
  const problems = problemsByField(error);

  function choosePlatform(next: Platform) {
    setPlatform(next);
    setConfig({});
    setCredentials({});
    setCredentialSet(0);
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const given = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== ''));
      const chosen = sets[credentialSet] ?? [];
      const secrets = Object.fromEntries(
        chosen.map((key) => [key, credentials[key] ?? '']).filter(([, v]) => v !== ''),
      );
      const connection = await api.createConnection({
        name: name.trim(),
        platform,
        config: given,
        credentials: sets.length > 0 ? secrets : undefined,
      });
      setName('');
      setConfig({});
      setCredentials({});
      onAdded(connection);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Add a connection</h2>
      <label htmlFor={`${id}-platform`}>Platform</label>
      <select
        id={`${id}-platform`}
        value={platform}
        onChange={(event) => choosePlatform(event.target.value as Platform)}
      >
        {PLATFORM_KEYS.map((key) => (
          <option key={key} value={key}>
            {PLATFORM_NAMES[key] ?? key}
          </option>
        ))}
      </select>
      {isFileSource(platform) && (
        <p className="hint">
          Reads files already in the server’s import folder; to send a file from this computer, use Upload an export.
        </p>
      )}
      <SettingInput
        id={`${id}-name`}
        name="name"
        field={{ key: 'name', spec: { kind: 'text' }, required: true }}
        value={name}
        onChange={setName}
        problems={problems.get('name') ?? []}
      />
      <fieldset>
        <legend>Settings</legend>
        {configFields(platform).map((field) => (
          <SettingInput
            key={`${platform}-${field.key}`}
            id={`${id}-config-${field.key}`}
            name={`config.${field.key}`}
            field={field}
            value={config[field.key] ?? ''}
            onChange={(value) => setConfig((before) => ({ ...before, [field.key]: value }))}
            problems={problems.get(`config.${field.key}`) ?? []}
          />
        ))}
      </fieldset>
      {sets.length > 0 && (
        <fieldset>
          <legend>Credentials</legend>
          {sets.length > 1 && (
            <div role="radiogroup" aria-label="Kind of credentials">
              {sets.map((set, index) => (
                <label key={set.join('+')} className="inline">
                  <input
                    type="radio"
                    name={`${id}-set`}
                    checked={credentialSet === index}
                    onChange={() => setCredentialSet(index)}
                  />
                  {set.join(' + ')}
                </label>
              ))}
            </div>
          )}
          {(sets[credentialSet] ?? []).map((key) => (
            <SettingInput
              key={`${platform}-${key}`}
              id={`${id}-credentials-${key}`}
              name={`credentials.${key}`}
              field={{ key, spec: { kind: 'text' }, required: true }}
              value={credentials[key] ?? ''}
              onChange={(value) => setCredentials((before) => ({ ...before, [key]: value }))}
              problems={problems.get(`credentials.${key}`) ?? []}
              secret
            />
          ))}
          {(problems.get('credentials') ?? []).map((problem) => (
            <p key={problem} className="field-error">
              {problem}
            </p>
          ))}
        </fieldset>
      )}
      {[...(problems.get('form') ?? []), ...(problems.get('config') ?? []), ...(problems.get('platform') ?? [])]
        .length > 0 && (
        <ul role="alert" className="field-error">
          {[
            ...(problems.get('form') ?? []),
            ...(problems.get('config') ?? []),
            ...(problems.get('platform') ?? []),
          ].map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {problems.size > 0 && !problems.has('form') && (
        <p role="alert" className="visually-hidden">
          The connection was refused: see the fields marked as invalid.
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Checking with the platform…' : 'Add connection'}
      </button>
    </form>
  );
}
