import { useId, useState } from 'react';
import { api } from '../api/client';
import type { WebhookView } from '../api/types';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatTime } from '../common/format';
import { DeliveryLog } from './DeliveryLog';

/** One webhook: where it posts, what it is told of, whether it signs; its delivery log; delete. */
export function WebhookCard({ webhook, onDeleted }: { webhook: WebhookView; onDeleted: () => void }) {
  const id = useId();
  const [showLog, setShowLog] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function remove() {
    setError(null);
    try {
      await api.deleteWebhook(webhook.webhook_id);
      onDeleted();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <article className="card" aria-labelledby={`${id}-url`} data-webhook={webhook.webhook_id}>
      <h3 id={`${id}-url`} className="webhook-url">
        {webhook.url}
      </h3>
      <dl className="stat-grid">
        <div>
          <dt>Events</dt>
          <dd>{webhook.events.join(', ')}</dd>
        </div>
        <div>
          <dt>Signed</dt>
          <dd>{webhook.has_secret ? 'yes (secret set)' : 'no secret'}</dd>
        </div>
        <div>
          <dt>Added</dt>
          <dd>{formatTime(webhook.created_at)}</dd>
        </div>
      </dl>
      <ErrorNotice error={error} />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          aria-expanded={showLog}
          aria-controls={`${id}-log`}
          onClick={() => setShowLog(!showLog)}
        >
          {showLog ? 'Hide deliveries' : 'Show deliveries'}
        </button>
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete this webhook
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            Delete
          </button>
        )}
      </div>
      <div id={`${id}-log`}>{showLog && <DeliveryLog webhookId={webhook.webhook_id} />}</div>
    </article>
  );
}
