import { stableId } from '@atlas/common';
import type { Fact, FactType, NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { normalizeName } from '../names';
import { addressOf, type Address } from './addressee';
import { atomicClauses } from './atomic-clauses';
import { askedQuestion, type AskedQuestion, withAnsweredQuestion } from './answer-context';
import { soleNamedThing, soleThingOf, withItResolved } from './antecedent';
import { assigneeOf } from './assignee';
import { decisionStatement } from './decision-statement';
import { findDueDate } from './due-date';
import { extractFactEntities, toFactEntity, type LocatedEntity } from './entities';
import { contextDependence, withoutOpeners, withoutYesNo, yesOrNo } from './context-dependence';
import { cleanFactText } from './fact-text';
import { classifyFact, type FactClassification } from './fact-type';
import { groupIntoFactUnits } from './fact-units';
import { authorOf, type Gazetteer, locateMentions } from './gazetteer';
import { READABLE_LANGUAGE } from './language';
import { prepareMessageText } from './message-text';
import { resolvePronouns, type Speakers } from './pronouns';
import { extractRelations } from './relations';
import { splitSentences } from './sentences';
import { isSmallTalk } from './small-talk';
import { mayDate, scheduleOf } from './subject';
import type { ThreadBook } from './threads';
import { factSourceOf } from '../fact-source';

/** Part of every fact id: a new version of the rules yields new facts instead of overwriting old ones. */
export const EXTRACTOR_VERSION = 'rules-2';

/** A reply by a task's assignee saying it is finished. */
const COMPLETION =
  /^\W*(?:updated|added|pushed|sent|posted|reviewed|checked|confirmed|drafted)\b|\b(?:done|merged|shipped|fixed|deployed|released|finished|completed|closed|resolved|landed|sorted)\b|✅|:white_check_mark:|:heavy_check_mark:/i;
const NOT_COMPLETED =
  /\b(?:not|n't|almost|nearly|once|when|after|until|yet to)\b[^.!?]*\b(?:done|merged|shipped|fixed|deployed|released|finished|completed|closed|resolved)\b|\?/i;
const ANSWER_CONFIDENCE = 0.75;
/** Types whose text may open with its verb: they tell someone to do something. */
const IMPERATIVE_TYPES: ReadonlySet<FactType> = new Set(['action_item', 'announcement', 'decision']);
/**
 * A command line or a step to take, said to someone ("Skunkwaffle: run: nm-applet &", "kizza,
 * \"glxinfo | grep direct\"", "int256: now use testdisk"): an instruction answers them, asked or not.
 */
const INSTRUCTION =
  /(?:^|[\s"'`:])(?:sudo|apt-get|aptitude|dpkg|modprobe|grub-install|glxinfo|lspci|lsusb|dmesg|fdisk|ifconfig|nm-applet|chmod|chown|systemctl)\b|\s\|\s|\brun:|^\W*(?:\w+[,.!]\s+)?(?:now )?(?:try|run|use|start|install|type|open|check)\s+\S/i;
const COMPLETION_CONFIDENCE = 0.7;
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
    const text = withAnsweredQuestion(reply, asked);
    return [bareAnswerFact(message, context, gazetteer, authorKey, text, knownProjects)];
  }
  if (address !== null && isSmallTalk(address.said)) return [];
  const authorName = author && (gazetteer.nameOf(author.id) ?? author.name);
  const repliedTo = repliedToAuthor(message, threads);
  // "you" is the person addressed, else the author of the thread the message replies in.
  const addresseeId = address?.personId ?? repliedTo?.slice('person:'.length) ?? null;
  const speakers = { author: authorName, addressee: addresseeId && gazetteer.nameOf(addresseeId) };
  const names = [speakers.author, speakers.addressee];
  const units = groupIntoFactUnits(splitSentences(prepareMessageText(message.text))).flatMap((unit) =>
    atomicClauses(unit, speakers, names),
  );
  const mentionsByUnit = locateMentions(units, message.mentions);
  // The question a message answers is what its "it" is about, when the question names one thing.
  const questionThing = () => question && soleNamedThing(question, gazetteer, knownProjects);

  let previousThing: string | null = null;
  const stated = units.map((unit, index) => {
    let classification = classifyFact(unit);
    const instructs = address !== null && classification.type === 'observation' && INSTRUCTION.test(unit);
    if ((answersQuestion && !KEPT_BY_ANSWERS.has(classification.type)) || instructs) {
      classification = { type: 'answer', confidence: ANSWER_CONFIDENCE };
    }
    const cleaned = (index === 0 && cleanFactText(withoutAddress(unit, address))) || cleanFactText(unit);
    const entities = extractFactEntities(unit, message, mentionsByUnit[index], gazetteer, {
      knownProjects,
      withPurpose: classification.type === 'decision',
    });
    // "try mtr. It'll display question marks …": the thing a sentence names is what the next one's "it" is.
    const thingBefore = previousThing;
    previousThing = soleThingOf(entities);
    const thing = () => thingBefore ?? questionThing();
    const text = standingAlone(resolvePronouns(cleaned, speakers), classification.type, { asked, names, thing });
    if (text === null) return null;
    const decision = classification.type === 'decision' ? decisionEntity(cleaned, unit.length) : null;
    if (decision) entities.push(decision);
    const assignee = classification.type === 'action_item' ? assigneeOf(unit, entities, authorKey, repliedTo) : null;
    const relations = extractRelations({
      text: unit,
      entities,
      type: classification.type,
      author: authorKey,
      assignee,
      decision: decision?.key ?? null,
    });
    const due = mayDate(unit, classification.type) ? findDueDate(unit, message.timestamp) : null;
    const { subject, due_at } = scheduleOf({
      unit,
      type: classification.type,
      entities,
      relations,
      rootId,
      assignee,
      due,
    });
    if (subject?.startsWith('task:') && assignee) threads.addTask(rootId, assignee);
    if (classification.type === 'question' && message.thread_parent_id !== null) {
      threads.noteQuestion(rootId, message.author_id);
    }
    const content: FactContent = {
      text,
      classification,
      entities,
      topics: topicsOf(entities),
      relations,
      subject,
      due_at,
    };
    return { unit, content };
  });
  const kept = stated.filter((entry) => entry !== null);
  const facts = kept.map((entry, index) => buildFact(message, context, index, entry.content));
  const keptUnits = kept.map((entry) => entry.unit);
  return withCompletion(
    facts,
    message,
    context,
    threads,
    rootId,
    authorKey,
    speakers,
    keptUnits,
    gazetteer,
    knownProjects,
  );
}

/**
 * The fact text as it can be read on its own: without openers that only tie it to the line before
 * ("well,", "oh,"), a statement without a leading yes or no. A text that still points at the chat around
 * it ("it", "that", an unresolved "you", no verb) is kept only as an answer, carrying the question it
 * answers; otherwise the unit gives no fact.
 */
function standingAlone(text: string, type: FactType, context: ReplyContext): string | null {
  let opened = withSubject(withoutOpeners(text), context.names[0] ?? null);
  const everyone = type === 'announcement' || /^(?:reminder|psa|fyi|heads[- ]up|everyone|all)\b/i.test(opened);
  const options = { everyone, imperative: IMPERATIVE_TYPES.has(type) };
  let dependence = contextDependence(opened, context.names, options);
  if (dependence === 'reference' && /\bits?\b/i.test(opened)) {
    const thing = context.thing();
    if (thing !== null) {
      const resolved = withItResolved(opened, thing);
      const after = contextDependence(resolved, context.names, options);
      if (after === null) [opened, dependence] = [resolved, after];
    }
  }
  if (dependence === null) return type === 'answer' ? opened : withoutYesNo(opened);
  return type === 'answer' && context.asked !== null ? withAnsweredQuestion(opened, context.asked) : null;
}

/** "will have a draft by Wednesday": a promise without its subject is the author's. */
function withSubject(text: string, author: string | null): string {
  return author !== null && /^(?:will|'ll|am going to|gonna)\s+\w/i.test(text)
    ? `${author} ${text.replace(/^'ll/, 'will')}`
    : text;
}

/** What a unit's text may draw on to stand alone: the question it answers, the thing the message replied to names. */
interface ReplyContext {
  asked: AskedQuestion | null;
  names: readonly (string | null)[];
  /** The one thing the sentence before, or else the question answered, names. */
  thing: () => string | null;
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
  if (!COMPLETION.test(text) || NOT_COMPLETED.test(text)) return facts;
  const subject = assigned ? `task:${rootId}:${authorKey}` : null;
  const completing = facts.findIndex((fact, index) => COMPLETION.test(units[index]) && fact.type !== 'question');
  if (completing >= 0) {
    const fact = facts[completing];
    // A completion report changes the task's status: it is about the task, so it is typed as one.
    const type: FactType = fact.type === 'decision' ? fact.type : 'action_item';
    facts[completing] = {
      ...fact,
      type,
      subject: subject ?? fact.subject,
      confidence: Math.max(fact.confidence, COMPLETION_CONFIDENCE),
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
    }),
  ];
}

function bareAnswerFact(
  message: NormalizedMessage,
  context: ExtractionContext,
  gazetteer: Gazetteer,
  authorKey: string | null,
  text: string,
  knownProjects: ReadonlySet<string>,
): Fact {
  const entities = extractFactEntities(message.text, message, message.mentions, gazetteer, {
    knownProjects,
    withPurpose: false,
  });
  const classification: FactClassification = { type: 'answer', confidence: ANSWER_CONFIDENCE };
  const relations = extractRelations({
    text: message.text,
    entities,
    type: classification.type,
    author: authorKey,
    assignee: null,
    decision: null,
  });
  return buildFact(message, context, 0, {
    text,
    classification,
    entities,
    topics: topicsOf(entities),
    relations,
    subject: null,
    due_at: null,
  });
}

/** The person a thread reply answers: the thread root's author, when that is someone else. */
function repliedToAuthor(message: NormalizedMessage, threads: ThreadBook): string | null {
  if (message.thread_parent_id === null) return null;
  const parentAuthor = threads.rootMessage(message.thread_parent_id)?.author_id ?? null;
  return parentAuthor === null || parentAuthor === message.author_id ? null : `person:${parentAuthor}`;
}

function decisionEntity(cleanedText: string, position: number): LocatedEntity | null {
  const statement = decisionStatement(cleanedText);
  if (statement === null) return null;
  return {
    key: `decision:${normalizeName(statement)}`,
    name: statement,
    type: 'decision',
    kind: null,
    start: position,
    end: position,
  };
}

/** Topic tags: the normalized names of what the fact is about. */
function topicsOf(entities: readonly LocatedEntity[]): string[] {
  const tags = entities
    .filter((entity) => entity.type === 'topic' || entity.type === 'project' || entity.type === 'technology')
    .map((entity) => entity.key.slice(entity.key.indexOf(':') + 1));
  return [...new Set(tags)];
}

interface FactContent {
  text: string;
  classification: FactClassification;
  entities: readonly LocatedEntity[];
  topics: string[];
  relations: Fact['relations'];
  subject: string | null;
  due_at: string | null;
}

function buildFact(message: NormalizedMessage, context: ExtractionContext, index: number, content: FactContent): Fact {
  return {
    id: stableId('fact', context.channel_id, message.id, EXTRACTOR_VERSION, index),
    channel_id: context.channel_id,
    message_id: message.id,
    extractor_version: EXTRACTOR_VERSION,
    index,
    text: content.text,
    type: content.classification.type,
    confidence: content.classification.confidence,
    entities: content.entities.map(toFactEntity),
    relations: content.relations,
    topics: content.topics,
    subject: content.subject,
    valid_at: message.edited_at ?? message.timestamp,
    due_at: content.due_at,
    language: READABLE_LANGUAGE,
    source: factSourceOf(message),
  };
}
