import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { WebhookDeliveryView } from '../api/types';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatTime } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { jobPath } from '../jobs/paths';

function lastAttemptText(delivery: WebhookDeliveryView): string {
  const last = delivery.attempts[delivery.attempts.length - 1];
  if (!last) return 'not tried yet';
  const answer = last.status_code === null ? 'no answer' : `HTTP ${last.status_code}`;
  return last.error ? `${answer}: ${last.error}` : answer;
}

/** A webhook's delivery log, newest event first, a page at a time: each delivery's status and attempts. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const [deliveries, setDeliveries] = useState<WebhookDeliveryView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      try {
        const page = await api.webhookDeliveries(webhookId, cursor);
        setDeliveries((before) => (cursor ? [...before, ...page.deliveries] : page.deliveries));
        setNext(page.next_cursor);
        setError(null);
      } catch (caught) {
        setError(caught);
      } finally {
        setLoading(false);
      }
    },
    [webhookId],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="delivery-log">
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void load()} disabled={loading}>
          Refresh
        </button>
      </div>
      <ErrorNotice error={error} />
      {!loading && deliveries.length === 0 && !error && <p>No deliveries yet.</p>}
      {deliveries.length > 0 && (
        <div className="table-wrap">
          <table className="responsive">
            <caption className="visually-hidden">Deliveries, newest event first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Job</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last attempt</th>
                <th scope="col">Next attempt</th>
                <th scope="col">Delivery id</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.delivery_id} data-delivery={delivery.delivery_id}>
                  <td data-label="Event">{delivery.event_type}</td>
                  <td data-label="Job">
                    {delivery.job_id && delivery.channel_id ? (
                      <Link to={jobPath(delivery.channel_id, delivery.job_id)}>{delivery.job_id}</Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={delivery.status} />
                  </td>
                  <td data-label="Attempts">{delivery.attempts.length}</td>
                  <td data-label="Last attempt">
                    {lastAttemptText(delivery)}
                    {delivery.attempts.length > 0 && (
                      <span className="hint">
                        {' '}
                        ({formatTime(delivery.attempts[delivery.attempts.length - 1].attempted_at)})
                      </span>
                    )}
                  </td>
                  <td data-label="Next attempt">{formatTime(delivery.next_attempt_at)}</td>
                  <td data-label="Delivery id">
                    <code>{delivery.delivery_id}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" className="secondary" onClick={() => void load(next)} disabled={loading}>
          Load older deliveries
        </button>
      )}
    </div>
  );
}
