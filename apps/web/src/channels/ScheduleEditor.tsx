import { FormEvent, useId, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { ScheduleView } from '../api/types';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatTime } from '../common/format';
import { previewSchedule, timeZones } from './schedule-preview';

const EXAMPLES = [
  { label: 'Every hour', value: '0 * * * *' },
  { label: 'Every 4 hours', value: '0 */4 * * *' },
  { label: 'Every day at 02:00', value: '0 2 * * *' },
  { label: 'Weekdays at 09:00', value: '0 9 * * 1-5' },
];

/** Sets a channel's cron schedule: what it means, its next five runs in its time zone, on or off. */
export function ScheduleEditor({
  channelId,
  current,
  onSaved,
}: {
  channelId: string;
  current: ScheduleView | null;
  onSaved: (schedule: ScheduleView) => void;
}) {
  const id = useId();
  const [schedule, setSchedule] = useState(current?.schedule ?? '0 */4 * * *');
  const [timezone, setTimezone] = useState(current?.timezone ?? 'UTC');
  const [enabled, setEnabled] = useState(current?.enabled ?? true);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(timeZones, []);
  const preview = previewSchedule(schedule, timezone);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.setSchedule({ channel_id: channelId, schedule: schedule.trim(), timezone, enabled }));
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  const problem = error instanceof ApiError && error.code === 'VALIDATION_ERROR' ? error.problems.join('; ') : null;
  return (
    <form className="card schedule-editor" onSubmit={save} aria-label={`Schedule of ${channelId}`}>
      <label htmlFor={`${id}-cron`}>Schedule (cron: minute hour day month weekday)</label>
      <input
        id={`${id}-cron`}
        value={schedule}
        onChange={(event) => setSchedule(event.target.value)}
        aria-invalid={preview.problem !== null || problem !== null}
        aria-describedby={`${id}-meaning`}
        spellCheck={false}
        autoComplete="off"
      />
      <div className="actions" aria-label="Examples">
        {EXAMPLES.map((example) => (
          <button key={example.value} type="button" className="secondary" onClick={() => setSchedule(example.value)}>
            {example.label}
          </button>
        ))}
      </div>
      <p id={`${id}-meaning`} className={preview.problem ? 'field-error' : 'hint'} aria-live="polite">
        {preview.problem ?? preview.description}
      </p>
      <label htmlFor={`${id}-tz`}>Time zone</label>
      <select id={`${id}-tz`} value={timezone} onChange={(event) => setTimezone(event.target.value)}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
      <label className="inline">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} /> Enabled
      </label>
      {preview.nextRuns.length > 0 && (
        <>
          <h3 id={`${id}-next`}>Next runs ({timezone})</h3>
          <ol aria-labelledby={`${id}-next`} className="next-runs">
            {preview.nextRuns.map((run) => (
              <li key={run.toISOString()}>
                <time dateTime={run.toISOString()}>{formatTime(run.toISOString(), timezone)}</time>
              </li>
            ))}
          </ol>
        </>
      )}
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : (
        <ErrorNotice error={error} />
      )}
      <button type="submit" disabled={saving || preview.problem !== null}>
        {saving ? 'Saving…' : 'Save schedule'}
      </button>
    </form>
  );
}
