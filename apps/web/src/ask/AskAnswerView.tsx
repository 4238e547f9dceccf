import { Fragment } from 'react';
import { Link } from 'react-router';
import { messagePath } from '../jobs/paths';
import { formatTime, humanize } from '../knowledge/format';
import { knowledgePaths } from '../knowledge/paths';
import type { AskAnswer, AskCitation, AskFact, AskMessage, AskReply } from './ask-api';

/** Where fact [n] of the answer is on the page: the prose's citations link to it. */
export const factAnchor = (n: number) => `answer-fact-${n}`;

/**
 * A cited answer: the model's prose when there is one (each [n] a link to its fact), the facts grouped by entity
 * with who said each and when (linked to the message), the replies to its message, the matching messages no fact
 * stands for, and the wiki sections that cover the question; "No answer found" when nothing supports one.
 */
export function AskAnswerView({ answer }: { answer: AskAnswer }) {
  if (!answer.answered) {
    return (
      <section className="ask-answer" aria-label="Answer">
        <h2>No answer found</h2>
        <p className="kn-muted">{answer.note ?? 'Nothing in the channels asked supports an answer.'}</p>
        {answer.terms.length > 0 && <SearchedFor terms={answer.terms} />}
      </section>
    );
  }
  return (
    <section className="ask-answer" aria-label="Answer">
      <h2>Answer</h2>
      {answer.prose && (
        <div className="ask-prose" aria-label="Written answer">
          <p>
            {answer.prose.sentences.map((sentence, at) => (
              <Fragment key={at}>
                {at > 0 && ' '}
                <CitedSentence text={sentence.text} />
              </Fragment>
            ))}
          </p>
          {answer.prose.dropped > 0 && (
            <p className="kn-small kn-muted">
              {answer.prose.dropped} sentence{answer.prose.dropped === 1 ? '' : 's'} of the model's answer left out: no
              fact supports {answer.prose.dropped === 1 ? 'it' : 'them'}.
            </p>
          )}
        </div>
      )}
      {answer.note && (
        <p className="ask-note kn-small" role="note">
          {answer.note}
        </p>
      )}
      {answer.groups.length > 0 && <h3>Facts</h3>}
      {answer.groups.map((group, at) => (
        <section key={group.entity?.id ?? group.entity?.name ?? `none-${at}`} className="ask-group">
          <h4>
            {group.entity ? (
              group.entity.id ? (
                <Link to={knowledgePaths.entity(group.entity.id)}>{group.entity.name}</Link>
              ) : (
                group.entity.name
              )
            ) : (
              'Other facts'
            )}
            {group.entity && <span className="kn-muted kn-small"> ({group.entity.type})</span>}
          </h4>
          <ol className="ask-facts">
            {group.facts.map((fact) => (
              <AnswerFact key={fact.id} fact={fact} />
            ))}
          </ol>
        </section>
      ))}
      {answer.messages.length > 0 && (
        <>
          <h3>Messages</h3>
          <ul className="ask-messages" aria-label="Messages that match the question">
            {answer.messages.map((message) => (
              <AnswerMessage key={`${message.channel_id}/${message.message_id}`} message={message} />
            ))}
          </ul>
        </>
      )}
      {answer.wiki_sections.length > 0 && (
        <>
          <h3>In the wiki</h3>
          <ul className="ask-sections">
            {answer.wiki_sections.map((section) => (
              <li key={`${section.channel_id}/${section.slug}#${section.anchor ?? ''}`}>
                <Link
                  to={`${knowledgePaths.wikiPage(section.channel_id, section.slug)}${section.anchor ? `#${section.anchor}` : ''}`}
                >
                  {section.page_title}
                  {section.heading ? ` › ${section.heading}` : ''}
                </Link>
                <p className="kn-small kn-muted">{section.snippet}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <SearchedFor terms={answer.terms} />
    </section>
  );
}

function AnswerFact({ fact }: { fact: AskFact }) {
  return (
    <li id={factAnchor(fact.n)} className="ask-fact" value={fact.n}>
      <p>
        <span className="ask-n">[{fact.n}]</span> {fact.text}
      </p>
      <p className="kn-small kn-muted">
        <span className={`kn-badge kn-badge-${fact.type}`}>{humanize(fact.type)}</span>{' '}
        <Source citation={fact.citation} />
      </p>
      <Replies replies={fact.replies} label={`Replies to fact ${fact.n}`} />
    </li>
  );
}

function AnswerMessage({ message }: { message: AskMessage }) {
  return (
    <li className="ask-message">
      <p>{message.text}</p>
      <p className="kn-small kn-muted">
        <Source citation={message} />
      </p>
      <Replies replies={message.replies} label={`Replies to ${message.author_name ?? 'the message'}`} />
    </li>
  );
}

/** Who said it and when, linked to the message's page, and to the platform when it has a permalink. */
function Source({ citation }: { citation: AskCitation }) {
  return (
    <>
      <Link to={messagePath(citation.channel_id, citation.message_id)}>
        {citation.author_name ?? 'Unknown author'},{' '}
        <time dateTime={citation.timestamp}>{formatTime(citation.timestamp)}</time>
      </Link>
      {citation.permalink && (
        <>
          {' · '}
          <a href={citation.permalink} target="_blank" rel="noopener noreferrer nofollow">
            on the platform
          </a>
        </>
      )}
    </>
  );
}

function Replies({ replies, label }: { replies: AskReply[]; label: string }) {
  if (replies.length === 0) return null;
  return (
    <ul className="ask-replies" aria-label={label}>
      {replies.map((reply) => (
        <li key={reply.message_id}>
          <Link to={messagePath(reply.channel_id, reply.message_id)}>{reply.author_name ?? 'Unknown author'}</Link>:{' '}
          {reply.text}
        </li>
      ))}
    </ul>
  );
}

/** A sentence of the prose with each [n] a link to fact n. */
function CitedSentence({ text }: { text: string }) {
  const parts = text.split(/(\[\d+\])/);
  return (
    <>
      {parts.map((part, at) => {
        const cited = /^\[(\d+)\]$/.exec(part);
        return cited ? (
          <a key={at} className="citation" href={`#${factAnchor(Number(cited[1]))}`}>
            {part}
          </a>
        ) : (
          <Fragment key={at}>{part}</Fragment>
        );
      })}
    </>
  );
}

function SearchedFor({ terms }: { terms: string[] }) {
  return <p className="kn-small kn-muted">Searched for: {terms.join(', ') || 'nothing (only question words)'}</p>;
}
