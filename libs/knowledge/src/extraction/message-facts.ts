import type { Fact, FactType, NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { addressOf, type Address, greetedPerson } from './addressee';
import {
  ANSWER_CONFIDENCE,
  askedQuestion,
  asksOpenly,
  bareAnswerFact,
  nameAnswer,
  threadOpening,
  withAnsweredQuestion,
} from './answer-context';
import { soleThingOf } from './antecedent';
import { actionItemsOfList } from './action-item-lists';
import { atomicClauses } from './atomic-clauses';
import { prepareMessageText, splitSentences } from './batch-readings';
import { yesOrNo } from './context-dependence';
import { decisionInContext, decisionSubject, withAgreement } from './agreement';
import { ownerOf } from './assignee';
import { deliversWork, reportsCompletion, reportsReplyCompletion } from './completion';
import { findDueDate } from './due-date';
import { extractFactEntities, type LocatedEntity } from './entities';
import { buildFact, decisionEntity, type FactContent, topicsOf } from './fact-builder';
import { cleanFactText } from './fact-text';
import { classifyFact, type FactClassification } from './fact-type';
import { groupIntoFactUnits } from './fact-units';
import { authorOf, type Gazetteer, locateMentions } from './gazetteer';
import { isInstruction } from './instructions';
import { isProposal } from './proposals';
import { resolvePronouns, type Speakers } from './pronouns';
import { extractRelations } from './relations';
import { withAcceptance } from './request-acceptance';
import { requestedWork } from './requests';
import { isSmallTalk } from './small-talk';
import { isBareApproval, standingAlone } from './standing-alone';
import { mayDate, scheduleOf } from './subject';
import type { ThreadBook } from './threads';

export { EXTRACTOR_VERSION } from './fact-builder';

const COMPLETION_CONFIDENCE = 0.7;
/** Types whose units shape their thread (tasks, requests asked as questions) even when they give no fact. */
const THREAD_TYPES: ReadonlySet<FactType> = new Set(['action_item', 'question', 'decision']);
/** Types a reply keeps even when it answers the thread's question: they say more than "answer". */
const KEPT_BY_ANSWERS: ReadonlySet<FactType> = new Set(['question', 'decision', 'action_item']);

/** The facts of one message: one per fact unit, typed, with entities, relations and subject. */
export function extractMessageFacts(
  message: NormalizedMessage,
  context: ExtractionContext,
  channelGazetteer: Gazetteer,
  threads: ThreadBook,
  knownProjects: ReadonlySet<string> = new Set(),
): Fact[] {
  const gazetteer = channelGazetteer.forMessage(message);
  // "kizza, thats good": what is said after the addressee's name is what must be more than small talk.
  const address = addressOf(message, gazetteer);
  const answersQuestion = threads.answersQuestion(message, gazetteer);
  const question = answersQuestion ? threads.answeredQuestion(message, gazetteer) : null;
  const asked = question && askedQuestion(question, gazetteer);
  const rootId = message.thread_parent_id ?? message.id;
  const author = authorOf(message);
  const authorKey = author && `person:${author.id}`;
  // "EfaistOs: yes" to "is warty stable?": a bare yes or no says something only with its question.
  const reply = yesOrNo(address?.said ?? message.text);
  if (asked !== null && reply !== null) {
    // "yes" answers "is warty stable?", never "what is sid?": said to an open question it says nothing.
    if (asksOpenly(asked)) return [];
    const text = withAnsweredQuestion(reply, asked);
    return [bareAnswerFact(message, context, gazetteer, authorKey, text, knownProjects)];
  }
  const name =
    asked !== null && !isSmallTalk(address?.said ?? message.text)
      ? nameAnswer(address?.said ?? message.text, asked)
      : null;
  if (asked !== null && name !== null && splitSentences(name).length === 1) {
    return [bareAnswerFact(message, context, gazetteer, authorKey, withAnsweredQuestion(name, asked), knownProjects)];
  }
  // "bruno: +1, ship it" is small talk as a fact, yet it may agree to bruno's proposal.
  if (address !== null && isSmallTalk(address.said)) return withAgreement([], message, context, gazetteer, threads);
  const authorName = author && (gazetteer.nameOf(author.id) ?? author.name);
  const repliedTo = repliedToAuthor(message, threads);
  // "you" is the person addressed (or greeted: "Welcome Gus! Ping me whenever you want a tour"), else the
  // author of the thread the message replies in.
  const addresseeId =
    address?.personId ?? greetedPerson(message, gazetteer) ?? repliedTo?.slice('person:'.length) ?? null;
  const speakers = { author: authorName, addressee: addresseeId && gazetteer.nameOf(addresseeId) };
  const names = [speakers.author, speakers.addressee];
  const units = groupIntoFactUnits(splitSentences(prepareMessageText(message.text)))
    .flatMap((unit) => actionItemsOfList(unit, authorName))
    .flatMap((unit) => atomicClauses(unit, speakers, names))
    // "And @Ben I've been warned already": what is said to someone new opens with their name.
    .map((unit) => unit.replace(/^(?:and|but|also|so|or)\s+(?=@)/i, ''));
  const mentionsByUnit = locateMentions(units, message.mentions);

  let previousThing: () => string | null = () => null;
  const stated = units.map((unit, index) => {
    // "Thanks Bruno. @bruno can you write a short postmortem?": a later sentence may address someone of its own.
    const unitAddress = (index === 0 ? address : null) ?? addressOf({ ...message, text: unit }, gazetteer);
    const unitSpeakers =
      unitAddress === null || unitAddress === address
        ? speakers
        : { ...speakers, addressee: gazetteer.nameOf(unitAddress.personId) };
    // "kizza: do you have compiz installed" asks kizza: the type is read from what is said, not to whom.
    const said = withoutAddress(unit, unitAddress).trim() || unit;
    let classification = decisionInContext(unit, classifyFact(said), message, threads);
    const instructs = address !== null && classification.type === 'observation' && isInstruction(unit);
    if ((answersQuestion && !KEPT_BY_ANSWERS.has(classification.type)) || instructs) {
      classification = { type: 'answer', confidence: ANSWER_CONFIDENCE };
    }
    let found: LocatedEntity[] | null = null;
    const entitiesOfUnit = () =>
      (found ??= extractFactEntities(unit, message, mentionsByUnit[index], gazetteer, {
        knownProjects,
        withPurpose: classification.type === 'decision',
      }));
    const cleaned = cleanFactText(withoutAddress(unit, unitAddress)) || cleanFactText(unit);
    // "try mtr. It'll display question marks …": the thing a sentence names is what the next one's "it" is.
    const thing = previousThing;
    previousThing = () => soleThingOf(entitiesOfUnit());
    const unitNames = [unitSpeakers.author, unitSpeakers.addressee];
    // An approval approves the message before it (a PR posted, a plan); other decisions decide on the thread.
    const opening = () => {
      const decidedOn = isBareApproval(cleaned)
        ? threads.repliedMessage(message)
        : message.thread_parent_id === null
          ? null
          : threads.rootMessage(message.thread_parent_id);
      return decidedOn && threadOpening(decidedOn, gazetteer);
    };
    const text = standingAlone(resolvePronouns(cleaned, unitSpeakers), classification.type, {
      asked,
      opening: classification.type === 'decision' ? opening() : null,
      names: unitNames,
      thing,
    });
    // A unit that gives no fact still counts for its thread when it proposes, asks or assigns something.
    if (text === null && !THREAD_TYPES.has(classification.type)) {
      if (classification.type !== 'decision' && isProposal(unit)) threads.noteProposal(rootId, message, unit);
      return null;
    }
    const entities = entitiesOfUnit();
    const decision = classification.type === 'decision' ? decisionEntity(cleaned, unit.length) : null;
    if (decision) entities.push(decision);
    // "Welcome @Gus! … Could you post a short digest each week?": a request to "you" is the addressee's.
    const addresseeKey = unitAddress ? `person:${unitAddress.personId}` : addresseeId && `person:${addresseeId}`;
    const assignee = ownerOf(unit, classification.type, entities, authorKey, addresseeKey);
    const relations = extractRelations({
      text: unit,
      entities,
      type: classification.type,
      author: authorKey,
      assignee,
      decision: decision?.key ?? null,
    });
    const due = mayDate(unit, classification.type) ? findDueDate(unit, message.timestamp) : null;
    const schedule = scheduleOf({
      unit,
      type: classification.type,
      entities,
      relations,
      rootId,
      assignee,
      due,
    });
    const { due_at } = schedule;
    const subject =
      classification.type === 'decision'
        ? decisionSubject(unit, schedule.subject, message, index, threads)
        : schedule.subject;
    const work = classification.type === 'question' ? requestedWork(unit) : null;
    if (subject?.startsWith('task:') && assignee) {
      if (work !== null) threads.addRequest(rootId, { owner: assignee, content: work });
      else threads.addTask(rootId, assignee);
    }
    if (classification.type !== 'decision' && isProposal(unit)) threads.noteProposal(rootId, message, unit);
    // A reply may report in a bare past tense ("Added mine."): it replies to the work it finished.
    const reportsDone =
      classification.type !== 'question' &&
      ((message.thread_parent_id === null ? reportsCompletion(unit) : reportsReplyCompletion(unit)) ||
        deliversWork(unit, /https?:\/\//.test(unit)));
    if (classification.type === 'question' && work === null && message.thread_parent_id !== null) {
      threads.noteQuestion(rootId, message);
    }
    // What cannot be read without the chat around it gives no fact (it still counts for the thread above).
    if (text === null) return null;
    const content: FactContent = {
      // A task said to someone keeps whom; the author's own promise ("noiesmo, i'll rtfm more") does not.
      text:
        unitAddress !== null && classification.type === 'action_item' && assignee !== authorKey
          ? toWhom(text, unitSpeakers.addressee)
          : text,
      classification,
      entities,
      topics: topicsOf(entities),
      relations,
      subject,
      due_at,
      owner: assignee ?? (reportsDone ? authorKey : null),
      reports_done: reportsDone,
    };
    return { unit, content };
  });
  const kept = stated.filter((entry) => entry !== null);
  const facts = kept.map((entry, index) => buildFact(message, context, index, entry.content));
  const completed = withCompletion(
    facts,
    message,
    context,
    threads,
    rootId,
    authorKey,
    speakers,
    kept.map((entry) => entry.unit),
    gazetteer,
    knownProjects,
  );
  const accepted = withAcceptance(completed, message, context, gazetteer, threads, speakers);
  return withAgreement(accepted, message, context, gazetteer, threads);
}

/**
 * "<@Dev> please add the PR template to both repos": a task said to someone keeps whom it is said to,
 * once the address is gone from its text ("Dev, please add the PR template to both repos.").
 */
function toWhom(text: string, addressee: string | null | undefined): string {
  if (!addressee || text.toLowerCase().includes(addressee.toLowerCase())) return text;
  return `${addressee}, ${text}`;
}

/**
 * "epod: you'd need to file a bug" states "you'd need to file a bug" to epod: the address is who it is
 * said to (kept as a mention), not part of what is said.
 */
function withoutAddress(unit: string, address: Address | null): string {
  if (address === null) return unit;
  const start = unit.search(/\S/);
  return unit.startsWith(address.opening.trim(), start) ? unit.slice(start + address.opening.trim().length) : unit;
}

/**
 * "Done", "merged": a reply by someone a task of the thread is assigned to closes that task. Such a
 * reply is usually too short to be a fact unit, so it becomes one here, naming its author.
 */
function withCompletion(
  facts: Fact[],
  message: NormalizedMessage,
  context: ExtractionContext,
  threads: ThreadBook,
  rootId: string,
  authorKey: string | null,
  speakers: Speakers,
  units: readonly string[],
  gazetteer: Gazetteer,
  knownProjects: ReadonlySet<string>,
): Fact[] {
  if (message.thread_parent_id === null || authorKey === null || message.author_id === null) return facts;
  const assigned = threads.isAssignee(rootId, authorKey);
  if (!assigned && !threads.involves(rootId, message.author_id)) return facts;
  const text = prepareMessageText(message.text);
  const reportsDone = (said: string) =>
    reportsReplyCompletion(said) || (assigned && deliversWork(said, /https?:\/\//.test(said)));
  if (!reportsDone(text)) return facts;
  const subject = assigned ? `task:${rootId}:${authorKey}` : null;
  const completing = facts.findIndex((fact, index) => reportsDone(units[index]) && fact.type !== 'question');
  if (completing >= 0) {
    const fact = facts[completing];
    // "Ben fixed it" by the one who asked: someone in the thread reports the task of the person it names.
    const named = assigned ? null : namedAssignee(fact, threads, rootId);
    // A completion report changes the task's status: it is about the task, so it is typed as one.
    const type: FactType = fact.type === 'decision' ? fact.type : 'action_item';
    facts[completing] = {
      ...fact,
      type,
      subject: subject ?? (named && `task:${rootId}:${named}`) ?? fact.subject,
      confidence: Math.max(fact.confidence, COMPLETION_CONFIDENCE),
      owner: named ?? authorKey,
      reports_done: true,
    };
    return facts;
  }
  if (facts.length > 0) return facts;
  const said = cleanFactText(text);
  if (said === '') return facts;
  const entities = extractFactEntities(text, message, message.mentions, gazetteer, {
    knownProjects,
    withPurpose: false,
  });
  const classification: FactClassification = { type: 'action_item', confidence: COMPLETION_CONFIDENCE };
  const relations = extractRelations({
    text,
    entities,
    type: classification.type,
    author: authorKey,
    assignee: null,
    decision: null,
  });
  return [
    buildFact(message, context, 0, {
      text: `${speakers.author ?? 'The assignee'}: ${resolvePronouns(said, speakers)}`,
      classification,
      entities,
      topics: topicsOf(entities),
      relations,
      subject,
      due_at: null,
      owner: authorKey,
      reports_done: true,
    }),
  ];
}

/** The one person with a task in the thread whom the fact names, if exactly one. */
function namedAssignee(fact: Fact, threads: ThreadBook, rootId: string): string | null {
  const named = fact.entities.filter((entity) => entity.type === 'person' && threads.isAssignee(rootId, entity.key));
  const distinct = [...new Set(named.map((entity) => entity.key))].filter(
    (key) => key !== `person:${fact.source.author_id}`,
  );
  return distinct.length === 1 ? distinct[0] : null;
}

/**
 * The person a thread reply answers: the thread root's author, when that is someone else. Not when the
 * thread asked the replier to do something: their "please fill in your row" then asks everyone else.
 */
function repliedToAuthor(message: NormalizedMessage, threads: ThreadBook): string | null {
  if (message.thread_parent_id === null) return null;
  const parentAuthor = threads.rootMessage(message.thread_parent_id)?.author_id ?? null;
  if (message.author_id !== null && threads.isAssignee(message.thread_parent_id, `person:${message.author_id}`))
    return null;
  return parentAuthor === null || parentAuthor === message.author_id ? null : `person:${parentAuthor}`;
}
