import { Link } from 'react-router';
import type { ConnectionHealth, ConnectionTestAnswer } from '../api/types';
import { formatTime } from '../common/format';
import { jobPath } from '../jobs/paths';

export interface TestResult {
  answer: ConnectionTestAnswer;
  at: Date;
}

/**
 * A connection's health: what its syncs last found (from the list, no platform call), until **Test** asks the
 * platform, whose answer then takes its place.
 */
export function HealthCell({ health, test }: { health: ConnectionHealth; test: TestResult | null }) {
  if (test) {
    const { answer } = test;
    return answer.ok ? (
      <span className="ok">
        ok · {answer.latency_ms} ms · {answer.channels_visible} visible (tested {test.at.toLocaleTimeString()})
      </span>
    ) : (
      <span className="error">
        failing: {answer.error?.code} (tested {test.at.toLocaleTimeString()})
      </span>
    );
  }
  const job = health.job_id && health.channel_id ? jobPath(health.channel_id, health.job_id) : null;
  switch (health.status) {
    case 'never_synced':
      return <span className="hint">never synced</span>;
    case 'ok':
      return (
        <span className="ok">
          ok · last sync {job ? <Link to={job}>{formatTime(health.as_of)}</Link> : formatTime(health.as_of)}
        </span>
      );
    case 'failing':
      return (
        <span className="error">
          failing: {health.error_code ?? 'unknown error'}
          {job && (
            <>
              {' · '}
              <Link to={job}>the failed job</Link>
            </>
          )}
        </span>
      );
  }
}
