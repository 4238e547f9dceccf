import type { ProseOutcome } from '@atlas/knowledge';
import type { FactView } from '../knowledge/fact-view';
import { groupByEntity } from './answer-groups';
import type { AskAnswerView, AskMessageView, AskProseView, AskReplyView, AskWikiSectionView } from './ask-view';

export const NO_TERMS_NOTE = 'No answer found: the question names nothing to search for (only question words).';
export const NO_ANSWER_NOTE = 'No answer found: nothing in the channels asked supports an answer.';
export const PROSE_FAILED_NOTE = "The model's answer could not be used, so the facts below answer alone";

/** A fact of the answer, and the replies to its message. */
export interface AnsweringFact {
  fact: FactView;
  replies: AskReplyView[];
}

export interface AnswerParts {
  question: string;
  terms: string[];
  channelIds: string[];
  /** The current facts that support an answer, most relevant first: numbered 1, 2… in this order. */
  facts: AnsweringFact[];
  sections: AskWikiSectionView[];
  /** Matching messages no fact of the answer cites, best first. */
  messages: AskMessageView[];
  /** What the model made of the facts; null when no model is configured or there was nothing to write from. */
  prose: ProseOutcome | null;
}

/** The answer: facts numbered by relevance and grouped by entity, the wiki sections, the checked prose. */
export function composeAnswer(parts: AnswerParts): AskAnswerView {
  const answered = parts.facts.length > 0 || parts.sections.length > 0 || parts.messages.length > 0;
  const prose: AskProseView | null =
    parts.prose?.written && parts.prose.sentences.length > 0
      ? { sentences: parts.prose.sentences, dropped: parts.prose.dropped.length }
      : null;
  return {
    question: parts.question,
    answered,
    note: noteOf(parts, answered),
    terms: parts.terms,
    channel_ids: parts.channelIds,
    groups: groupByEntity(
      parts.facts.map(({ fact, replies }, at) => ({ n: at + 1, fact, replies })),
      parts.terms,
    ),
    messages: parts.messages,
    wiki_sections: parts.sections,
    prose,
  };
}

function noteOf(parts: AnswerParts, answered: boolean): string | null {
  if (parts.terms.length === 0) return NO_TERMS_NOTE;
  if (!answered) return NO_ANSWER_NOTE;
  if (parts.prose && !parts.prose.written) return `${PROSE_FAILED_NOTE} (${parts.prose.reason}).`;
  if (parts.prose?.written && parts.prose.sentences.length === 0)
    return "The model's answer had no sentence its facts support, so the facts below answer alone.";
  return null;
}

/**
 * Every message the answer cites, in rank order: each fact's by its number, followed by the replies to it, then
 * the matching messages with their replies, then the wiki sections'.
 */
export function citedMessages(answer: AskAnswerView): string[] {
  const facts = answer.groups.flatMap((group) => group.facts).sort((a, b) => a.n - b.n);
  const ids = [
    ...facts.flatMap((fact) => [fact.citation.message_id, ...fact.replies.map((reply) => reply.message_id)]),
    ...answer.messages.flatMap((message) => [message.message_id, ...message.replies.map((reply) => reply.message_id)]),
    ...answer.wiki_sections.flatMap((section) => section.citations.map((citation) => citation.message_id)),
  ];
  return [...new Set(ids)];
}
