import type { Fact, NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { prepareMessageText } from './batch-readings';
import { extractFactEntities } from './entities';
import type { Gazetteer } from './gazetteer';
import { buildFact, topicsOf } from './fact-builder';
import { cleanFactText } from './fact-text';
import { resolvePronouns, type Speakers } from './pronouns';
import type { ThreadBook } from './threads';

/** Saying yes to a request: "Yes, draft by Thursday.", "Sure, will do it by Friday.", "Will do, Monday morning." */
const ACCEPTANCE =
  /^\W*(?:yes|yep|yeah|yup|sure|ok|okay|of course|absolutely|definitely|no problem|happy to|will do|on it|i'?ll|i will|i can|can do)\b/i;
const ACCEPTED_CONFIDENCE = 0.8;

/**
 * "Yes, draft by Thursday." by Ben, replying in the thread where Ana asked him "can you write a short
 * postmortem by Friday?": saying yes to a request makes it the person's action item. The request was a
 * question; the acceptance is the commitment, so its fact says what was accepted ("Ben Okafor agreed
 * to write a short postmortem by Friday: Yes, draft by Thursday."), is owned by its author and carries
 * the thread's task subject (a later "done" or delivery closes it).
 */
export function withAcceptance(
  facts: Fact[],
  message: NormalizedMessage,
  context: ExtractionContext,
  gazetteer: Gazetteer,
  threads: ThreadBook,
  speakers: Speakers,
): Fact[] {
  const rootId = message.thread_parent_id;
  if (rootId === null || message.author_id === null) return facts;
  const owner = `person:${message.author_id}`;
  const request = threads.requestOf(rootId, owner);
  const text = prepareMessageText(message.text);
  if (request === null || !ACCEPTANCE.test(text) || text.includes('?')) return facts;
  if (facts.some((fact) => fact.reports_done === true || fact.type === 'question')) return facts;
  const resolved = resolvePronouns(cleanFactText(text), speakers);
  const name = gazetteer.nameOf(message.author_id) ?? message.author_name ?? 'The owner';
  const said = resolved.trim() === '' ? '' : `: ${resolved.trim().replace(/^[a-z]/, (c) => c.toUpperCase())}`;
  // What was asked was said to the owner: its "you" is theirs ("post a digest of what you hear").
  const asked = resolvePronouns(request.content, { author: null, addressee: name });
  const accepted = {
    text: `${name} agreed to ${asked}${said.replace(/[.!\s]*$/, '.')}`,
    owner,
    subject: `task:${rootId}:${owner}`,
  };
  const first = facts.findIndex((fact) => fact.type === 'action_item');
  if (first >= 0) {
    facts[first] = { ...facts[first], ...accepted, type: 'action_item' };
    return facts;
  }
  if (facts.length > 0) return facts;
  const entities = extractFactEntities(request.content, message, [], gazetteer, {
    knownProjects: new Set(),
    withPurpose: false,
  });
  return [
    buildFact(message, context, 0, {
      text: accepted.text,
      classification: { type: 'action_item', confidence: ACCEPTED_CONFIDENCE },
      entities,
      topics: topicsOf(entities),
      relations: [],
      subject: accepted.subject,
      due_at: null,
      owner,
      reports_done: false,
    }),
  ];
}
