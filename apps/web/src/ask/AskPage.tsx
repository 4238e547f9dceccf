import { FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ApiError } from '../api/api-error';
import type { ChannelSummary } from '../api/types';
import '../knowledge/knowledge.css';
import './ask.css';
import { askQuestion, type AskAnswer } from './ask-api';
import { AskAnswerView } from './AskAnswerView';

type Asked =
  | { state: 'idle' }
  | { state: 'asking' }
  | { state: 'answered'; answer: AskAnswer }
  | { state: 'failed'; error: Error };

/**
 * Ask the knowledge base: a question and the channels to answer from (all by default); the cited answer below.
 * The question and channels live in the address (?q=&channel=), so an answer can be linked to and reloaded.
 */
export function AskPage() {
  const [search, setSearch] = useSearchParams();
  const question = search.get('q') ?? '';
  const chosen = search.getAll('channel');
  const [draft, setDraft] = useState(question);
  const [picked, setPicked] = useState<string[]>(chosen);
  const [channels, setChannels] = useState<ChannelSummary[]>([]);
  const [asked, setAsked] = useState<Asked>({ state: 'idle' });

  useEffect(() => {
    api.channels().then(
      (answer) => setChannels(answer.channels),
      () => setChannels([]),
    );
  }, []);

  const asking = `${question}\u0000${chosen.join(',')}`;
  useEffect(() => {
    if (!question.trim()) return setAsked({ state: 'idle' });
    const abort = new AbortController();
    setAsked({ state: 'asking' });
    askQuestion({ question, channel_ids: chosen.length > 0 ? chosen : undefined }, abort.signal).then(
      (answer) => setAsked({ state: 'answered', answer }),
      (error: Error) => error.name !== 'AbortError' && setAsked({ state: 'failed', error }),
    );
    return () => abort.abort();
    // `asking` names everything the request reads.
  }, [asking]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.trim()) next.set('q', draft.trim());
    for (const channelId of picked) next.append('channel', channelId);
    setSearch(next);
  }

  const toggle = (channelId: string) =>
    setPicked((current) =>
      current.includes(channelId) ? current.filter((id) => id !== channelId) : [...current, channelId],
    );

  return (
    <div className="ask-page">
      <h1>Ask</h1>
      <p className="kn-muted">
        Ask the knowledge base a question: it answers with the facts of your channels that support an answer, each with
        the message it comes from.
      </p>
      <form className="ask-form" onSubmit={submit} role="search" aria-label="Ask a question">
        <label htmlFor="ask-question">Question</label>
        <div className="ask-question-row">
          <input
            id="ask-question"
            type="text"
            value={draft}
            maxLength={500}
            placeholder="When is the Postgres cutover?"
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" disabled={!draft.trim() || asked.state === 'asking'}>
            Ask
          </button>
        </div>
        <fieldset className="ask-channels">
          <legend>Channels {picked.length === 0 && <span className="kn-muted kn-small">(all)</span>}</legend>
          {channels.length === 0 && <p className="kn-small kn-muted">No channels yet.</p>}
          {channels.map((channel) => (
            <label key={channel.channel_id}>
              <input
                type="checkbox"
                checked={picked.includes(channel.channel_id)}
                onChange={() => toggle(channel.channel_id)}
              />{' '}
              #{channel.name}
            </label>
          ))}
        </fieldset>
      </form>
      {asked.state === 'asking' && (
        <p className="kn-muted" role="status">
          Looking for an answer…
        </p>
      )}
      {asked.state === 'failed' && (
        <p className="kn-error" role="alert">
          Could not ask: {asked.error instanceof ApiError ? asked.error.problems.join('; ') : asked.error.message}
        </p>
      )}
      {asked.state === 'answered' && <AskAnswerView answer={asked.answer} />}
    </div>
  );
}
