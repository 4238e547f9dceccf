import { FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { WebhookEventType, WebhookView } from '../api/types';
import { DEFAULT_WEBHOOK_EVENTS, WEBHOOK_EVENTS } from './webhook-events';

/** A 400's problems by the field they begin with (`url …`, `events …`, `secret …`); the rest under `form`. */
function problemsOf(error: unknown): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  if (!error) return byField;
  const add = (field: string, problem: string) => byField.set(field, [...(byField.get(field) ?? []), problem]);
  if (error instanceof ApiError && error.code === 'VALIDATION_ERROR') {
    for (const problem of error.problems) {
      const field = ['url', 'events', 'secret'].find((name) => problem.startsWith(name));
      add(field ?? 'form', problem);
    }
  } else {
    add('form', error instanceof ApiError ? `${error.code}: ${error.message}` : String((error as Error).message));
  }
  return byField;
}

/** A new webhook: its URL, the events it is told of, and an optional signing secret (never shown again). */
export function AddWebhookForm({ onAdded }: { onAdded: (webhook: WebhookView) => void }) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(DEFAULT_WEBHOOK_EVENTS);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problems = problemsOf(error);

  function toggle(type: WebhookEventType, on: boolean) {
    setEvents((before) => (on ? [...before, type] : before.filter((t) => t !== type)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ordered = WEBHOOK_EVENTS.map((e) => e.type).filter((type) => events.includes(type));
      const webhook = await api.createWebhook({
        url: url.trim(),
        events: ordered,
        ...(secret === '' ? {} : { secret }),
      });
      setUrl('');
      setSecret('');
      setEvents(DEFAULT_WEBHOOK_EVENTS);
      onAdded(webhook);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const fieldProblems = (field: string) => problems.get(field) ?? [];
  const described = (field: string) => (fieldProblems(field).length > 0 ? `${id}-${field}-problems` : undefined);
  const problemList = (field: string) =>
    fieldProblems(field).length > 0 && (
      <ul id={`${id}-${field}-problems`} className="field-error">
        {fieldProblems(field).map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    );

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Add a webhook</h2>
      <label htmlFor={`${id}-url`}>URL (required)</label>
      <input
        id={`${id}-url`}
        name="url"
        type="url"
        required
        value={url}
        placeholder="https://hooks.example.com/atlas"
        aria-invalid={fieldProblems('url').length > 0}
        aria-describedby={described('url')}
        onChange={(event) => setUrl(event.target.value)}
      />
      {problemList('url')}
      <fieldset aria-describedby={described('events')}>
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map(({ type, label }) => (
          <label key={type} className="inline">
            <input
              type="checkbox"
              name="events"
              value={type}
              checked={events.includes(type)}
              onChange={(event) => toggle(type, event.target.checked)}
            />
            {label} <code>{type}</code>
          </label>
        ))}
        {problemList('events')}
      </fieldset>
      <label htmlFor={`${id}-secret`}>Signing secret (optional, 16 characters or more)</label>
      <input
        id={`${id}-secret`}
        name="secret"
        type="password"
        autoComplete="off"
        value={secret}
        aria-invalid={fieldProblems('secret').length > 0}
        aria-describedby={described('secret')}
        onChange={(event) => setSecret(event.target.value)}
      />
      <p className="hint">Deliveries carry X-Atlas-Signature made with it; it is never shown again.</p>
      {problemList('secret')}
      {fieldProblems('form').length > 0 && (
        <ul role="alert" className="field-error">
          {fieldProblems('form').map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {problems.size > 0 && !problems.has('form') && (
        <p role="alert" className="visually-hidden">
          The webhook was refused: see the fields marked as invalid.
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add webhook'}
      </button>
    </form>
  );
}
