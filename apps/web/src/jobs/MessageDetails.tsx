import type { MessageView } from '../api/types';
import { formatTime } from '../common/format';

/** A stored message as a person reads it: author, time, text and where it was posted. */
export function MessageDetails({ message }: { message: MessageView }) {
  return (
    <article className="card message-details" aria-label={`Message ${message.message_id}`}>
      <p>
        <strong>{message.author_name ?? 'Unknown author'}</strong>
        {' · '}
        <time dateTime={message.timestamp}>{formatTime(message.timestamp)}</time>
        {message.edited && <span className="hint"> · edited</span>}
      </p>
      {message.deleted ? (
        <p className="hint">Deleted on the platform: its text is gone and its facts were retracted.</p>
      ) : (
        <blockquote className="message-text">{message.text || '(no text)'}</blockquote>
      )}
      {message.thread_parent_id && <p className="hint">A reply in the thread of message {message.thread_parent_id}</p>}
      {message.permalink ? (
        <p>
          <a href={message.permalink} target="_blank" rel="noopener noreferrer nofollow">
            Open the message where it was posted
          </a>
        </p>
      ) : (
        <p className="hint">This message has no link to its platform (an export keeps none).</p>
      )}
    </article>
  );
}
