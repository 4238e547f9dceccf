import type { Fact, NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { addressOf } from './addressee';
import { prepareMessageText } from './batch-readings';
import { extractFactEntities, type LocatedEntity } from './entities';
import type { FactClassification } from './fact-type';
import type { Gazetteer } from './gazetteer';
import { buildFact, decisionEntity, topicsOf } from './fact-builder';
import { agreedDecisionText, changesChoice, isAgreement, settlesWithChoice } from './proposals';
import type { ThreadBook } from './threads';

const SETTLED_CONFIDENCE = 0.8;
const AGREED_CONFIDENCE = 0.8;

/**
 * A sentence is a decision by what it does in its thread: it settles a discussion with a choice ("OK,
 * let's go with logical replication" after someone proposed or asked), or changes a decision taken
 * in the thread before ("actually let's use MySQL instead"). Otherwise its own classification stands.
 */
export function decisionInContext(
  sentence: string,
  classification: FactClassification,
  message: NormalizedMessage,
  threads: ThreadBook,
): FactClassification {
  if (classification.type === 'decision' || classification.type === 'question') return classification;
  const rootId = message.thread_parent_id ?? message.id;
  const settles = threads.isDiscussion(message) && settlesWithChoice(sentence);
  const changes = threads.latestDecision(rootId) !== null && changesChoice(sentence);
  return settles || changes ? { type: 'decision', confidence: SETTLED_CONFIDENCE } : classification;
}

/**
 * The subject a decision sets: a change of plan takes the subject of the thread's latest decision, so
 * the read model supersedes that one; any other decision keeps what it is about, or gets a subject of
 * its own that a later change in its thread can take.
 */
export function decisionSubject(
  sentence: string,
  about: string | null,
  message: NormalizedMessage,
  index: number,
  threads: ThreadBook,
): string {
  const rootId = message.thread_parent_id ?? message.id;
  const changed = changesChoice(sentence) ? threads.latestDecision(rootId) : null;
  const subject = changed ?? about ?? `decision:${rootId}:${message.id}:${index}`;
  threads.noteDecision(rootId, subject);
  return subject;
}

/**
 * "Works for me." under "Proposal: Scheduled Reports in April": agreeing with someone else's proposal
 * decides it. The agreement is often too short to be a fact of its own, so the decision fact is made
 * here, saying what was agreed and by whom ("Chloé Martin and Farah Haddad agreed: Scheduled Reports in
 * April"), citing the agreeing message. A message that already states a decision adds none.
 */
export function withAgreement(
  facts: Fact[],
  message: NormalizedMessage,
  context: ExtractionContext,
  gazetteer: Gazetteer,
  threads: ThreadBook,
): Fact[] {
  if (message.author_id === null || facts.some((fact) => fact.type === 'decision')) return facts;
  const text = addressOf(message, gazetteer)?.said ?? prepareMessageText(message.text);
  if (!isAgreement(text)) return facts;
  const proposal = threads.proposalBefore(message, gazetteer);
  if (proposal === null || proposal.authorId === null) return facts;
  const agreer = gazetteer.nameOf(message.author_id) ?? message.author_name ?? 'Someone';
  const proposer = gazetteer.nameOf(proposal.authorId) ?? 'someone';
  const decisionText = agreedDecisionText(proposer, agreer, proposal.text);
  const people: LocatedEntity[] = [proposal.authorId, message.author_id].map((id, i) => ({
    key: `person:${id}`,
    name: i === 0 ? proposer : agreer,
    type: 'person',
    kind: null,
    start: -1,
    end: -1,
  }));
  const others = extractFactEntities(proposal.text, message, [], gazetteer, {
    knownProjects: new Set(),
    withPurpose: true,
  }).filter((entity) => entity.type !== 'person');
  const decision = decisionEntity(decisionText.slice(decisionText.indexOf(': ') + 2), decisionText.length);
  const entities = [...people, ...others, ...(decision ? [decision] : [])];
  const relations = decision
    ? people.map((person) => ({ type: 'decided' as const, source: person.key, target: decision.key }))
    : [];
  const index = facts.reduce((next, fact) => Math.max(next, fact.index + 1), 0);
  const rootId = message.thread_parent_id ?? message.id;
  const subject = `decision:${rootId}:${proposal.messageId}`;
  threads.noteDecision(rootId, subject);
  return [
    ...facts,
    buildFact(message, context, index, {
      text: decisionText,
      classification: { type: 'decision', confidence: AGREED_CONFIDENCE },
      entities,
      topics: topicsOf(entities),
      relations,
      subject,
      due_at: null,
      owner: null,
      reports_done: false,
    }),
  ];
}
