import { Link } from 'react-router';
import type { JobError } from '../api/types';
import { formatDuration } from '../common/format';
import { messagePath } from './paths';

/** A job's error as the spec gives it: code, message, retry_after and the failing message (linked). */
export function JobErrorView({ error, channelId }: { error: JobError; channelId: string }) {
  const { retry_after, failing_message_id, ...rest } = error.details ?? {};
  const retryingAt = typeof rest.retrying_at === 'string' ? rest.retrying_at : null;
  return (
    <div className="job-error" role="note">
      <p className="error">
        <strong>{error.code}</strong>: {error.message}
      </p>
      <ul className="hint">
        {retry_after !== undefined && <li>Retry after {formatDuration(retry_after)}</li>}
        {failing_message_id && (
          <li>
            Failing message:{' '}
            <Link to={messagePath(channelId, failing_message_id)} aria-label={`Failing message ${failing_message_id}`}>
              <code>{failing_message_id}</code>
            </Link>
          </li>
        )}
        {retryingAt && <li>Retrying at {new Date(retryingAt).toLocaleTimeString()}</li>}
      </ul>
    </div>
  );
}
