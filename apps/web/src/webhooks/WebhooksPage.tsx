import { api } from '../api/client';
import { ErrorNotice } from '../common/ErrorNotice';
import { useLoad } from '../common/useLoad';
import { AddWebhookForm } from './AddWebhookForm';
import { WebhookCard } from './WebhookCard';

/** Webhooks: each one with its delivery log, and a form to add another. */
export function WebhooksPage() {
  const { data, error, reload } = useLoad(() => api.webhooks(), []);
  return (
    <section>
      <h1>Webhooks</h1>
      <p className="hint">
        Atlas POSTs the events you choose to each URL, signed with its secret, and retries until the receiver answers
        2xx.
      </p>
      <ErrorNotice error={error} />
      {data && data.webhooks.length === 0 && <p>No webhooks yet: add one below.</p>}
      <div className="connection-list">
        {data?.webhooks.map((webhook) => (
          <WebhookCard key={webhook.webhook_id} webhook={webhook} onDeleted={() => void reload()} />
        ))}
      </div>
      <AddWebhookForm onAdded={() => void reload()} />
    </section>
  );
}
