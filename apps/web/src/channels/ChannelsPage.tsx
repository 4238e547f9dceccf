import { Fragment, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { ChannelSummary, JobHistoryEntry, ScheduleView } from '../api/types';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatTime, PLATFORM_NAMES } from '../common/format';
import { StatusBadge } from '../common/StatusBadge';
import { useLoad } from '../common/useLoad';
import { latestJob } from '../jobs/JobsPage';
import { ScheduleEditor } from './ScheduleEditor';
import { jobPath } from '../jobs/paths';

interface ChannelRow {
  channel: ChannelSummary;
  latest: JobHistoryEntry | null;
  schedule: ScheduleView | null;
}

/** Every channel: its last sync, latest job, next scheduled sync; sync now, full re-sync, schedule. */
export function ChannelsPage() {
  const navigate = useNavigate();
  const { data, error, reload } = useLoad(loadChannels, []);
  const [editing, setEditing] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  async function sync(channelId: string, force: boolean) {
    setActionError(null);
    try {
      const started = await api.triggerSync(channelId, force);
      navigate(jobPath(channelId, started.job_id));
    } catch (caught) {
      // A sync already running is no failure: show it.
      const running = caught instanceof ApiError && caught.code === 'SYNC_IN_PROGRESS' ? caught.details.job_id : null;
      if (typeof running === 'string') navigate(jobPath(channelId, running));
      else setActionError(caught);
    }
  }

  return (
    <section>
      <h1>Channels</h1>
      <ErrorNotice error={error ?? actionError} />
      {data && data.length === 0 && (
        <p>
          No channels yet: add a <Link to="/connections">connection</Link> or upload an export.
        </p>
      )}
      {data && data.length > 0 && (
        <div className="table-wrap">
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Last sync</th>
                <th scope="col">Status</th>
                <th scope="col">Next scheduled sync</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.map(({ channel, latest, schedule }) => (
                <Fragment key={channel.channel_id}>
                  <tr data-channel={channel.channel_id}>
                    <td data-label="Channel">
                      <strong>{channel.name}</strong>
                      <div className="hint">
                        {PLATFORM_NAMES[channel.platform] ?? channel.platform} · {channel.channel_id}
                      </div>
                    </td>
                    <td data-label="Last sync">{formatTime(channel.last_sync)}</td>
                    <td data-label="Status">
                      {latest ? (
                        <Link to={jobPath(channel.channel_id, latest.job_id)}>
                          <StatusBadge status={latest.status} />
                        </Link>
                      ) : (
                        'never synced'
                      )}
                    </td>
                    <td data-label="Next scheduled sync">
                      {schedule ? (schedule.enabled ? formatTime(schedule.next_sync) : 'schedule off') : 'no schedule'}
                    </td>
                    <td data-label="Actions">
                      <div className="actions">
                        <button type="button" onClick={() => void sync(channel.channel_id, false)}>
                          Sync now<span className="visually-hidden"> {channel.name}</span>
                        </button>
                        <button type="button" className="secondary" onClick={() => void sync(channel.channel_id, true)}>
                          Full re-sync<span className="visually-hidden"> {channel.name}</span>
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          aria-expanded={editing === channel.channel_id}
                          onClick={() => setEditing(editing === channel.channel_id ? null : channel.channel_id)}
                        >
                          Schedule<span className="visually-hidden"> {channel.name}</span>
                        </button>
                      </div>
                    </td>
                  </tr>
                  {editing === channel.channel_id && (
                    <tr>
                      <td colSpan={5}>
                        <ScheduleEditor
                          channelId={channel.channel_id}
                          current={schedule}
                          onSaved={() => {
                            setEditing(null);
                            void reload();
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

async function loadChannels(): Promise<ChannelRow[]> {
  const [{ channels }, { schedules }] = await Promise.all([api.channels(), api.schedules()]);
  const byChannel = new Map(schedules.map((schedule) => [schedule.channel_id, schedule]));
  return Promise.all(
    channels.map(async (channel) => ({
      channel,
      latest: await latestJob(channel.channel_id),
      schedule: byChannel.get(channel.channel_id) ?? null,
    })),
  );
}
