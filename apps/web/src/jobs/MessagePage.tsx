import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { ErrorNotice } from '../common/ErrorNotice';
import { useChannel } from '../common/useChannel';
import { useLoad } from '../common/useLoad';
import { MessageDetails } from './MessageDetails';

/** /channels/:channelId/messages/:messageId: one stored message, e.g. the one a job failed on. */
export function MessagePage() {
  const { channelId = '', messageId = '' } = useParams();
  const channel = useChannel(channelId);
  const { data, error } = useLoad(() => api.message(channelId, messageId), [channelId, messageId]);
  return (
    <section>
      <p>
        <Link to="/jobs">← All jobs</Link>
      </p>
      <h1>Message in {channel ? `#${channel.name}` : `channel ${channelId}`}</h1>
      <p className="hint">Message id {messageId}</p>
      <ErrorNotice error={error} />
      {!data && !error && <p>Loading the message…</p>}
      {data && <MessageDetails message={data} />}
    </section>
  );
}
