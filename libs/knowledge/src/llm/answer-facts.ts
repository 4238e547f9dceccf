import { stableId } from '@atlas/common';
import type { Fact, FactEntity, FactRelation, NormalizedMessage } from '@atlas/events';
import { READABLE_LANGUAGE } from '../extraction/language';
import { normalizeName } from '../names';
import type { AnswerEntity, AnswerFact, AnswerSubject, LlmAnswer } from './answer-model';
import { artifactKey, entityKey } from './entity-keys';
import { LLM_EXTRACTOR_VERSION } from './llm-extractor-options';
import type { PeopleOfBatch } from './people-of-batch';
import { factSourceOf } from '../fact-source';
import { rejectionOf, type RejectedFact, type RejectionReason } from './fact-checks';
import { ownerOfAnswer } from './answer-owner';
import { entityNamed, type NamedEntity } from './named-entities';

/** An answer that parsed but says something impossible: the request's messages go to the local extractor. */
export class AnswerRejected extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'AnswerRejected';
  }
}

/** The facts of an answer the checks kept, and those they dropped with the rule each broke. */
export interface AnswerFacts {
  facts: Fact[];
  rejected: RejectedFact[];
}

/**
 * The facts of a checked answer, built by the key rules every extractor shares. A fact that breaks a
 * rule of the prompt (fact-checks.ts), or comes from a message the request did not send, is dropped and
 * reported; the others keep their positions' indexes per message. Throws AnswerRejected when a fact names
 * a relation endpoint or subject it does not list, or has no text: the answer is broken, not just one fact.
 * A person who is not among the batch's people is dropped with their relations, and an owner nobody
 * answers to is left out (null): the model's answer never adds a person.
 */
export function factsOfAnswer(
  answer: LlmAnswer,
  sent: ReadonlyMap<string, NormalizedMessage>,
  channelId: string,
  people: PeopleOfBatch,
  /** The language of each sent message: a model reads more than English, and says so on the fact. */
  languages: ReadonlyMap<string, string>,
): AnswerFacts {
  const nextIndex = new Map<string, number>();
  const personNames = people.names();
  const facts: Fact[] = [];
  const rejected: RejectedFact[] = [];
  answer.facts.forEach((answerFact, position) => {
    const where = `fact ${position}`;
    const text = answerFact.text.trim();
    if (text === '') throw new AnswerRejected(`${where} has no text`);
    const drop = (reason: RejectionReason, detail: string | null): void => {
      rejected.push({ message_id: answerFact.message_id, text, type: answerFact.type, reason, detail });
    };
    const message = sent.get(answerFact.message_id);
    if (!message) return drop('message_not_sent', answerFact.message_id);
    const named = answerFact.entities.map((entity, at) => namedEntity(entity, people, `${where}, entity ${at}`));
    const find = (name: string, role: string): FactEntity | null => findEntity(named, name, `${where}: ${role}`);
    const entities = uniqueByKey(named.flatMap(({ entity }) => (entity ? [entity] : [])));
    const relations = relationsOf(answerFact, find);
    const subject = answerFact.subject && subjectOf(answerFact.subject, message, find, where);
    const due_at = answerFact.due_at === null ? null : calendarDate(answerFact.due_at, where);
    const owner = ownerOfAnswer(answerFact.owner, named, people);
    const language = languages.get(message.id) ?? READABLE_LANGUAGE;
    const broken = rejectionOf({ text, type: answerFact.type, entities, language, owner }, personNames);
    if (broken) return drop(broken.reason, broken.detail);
    const index = nextIndex.get(message.id) ?? 0;
    nextIndex.set(message.id, index + 1);
    facts.push({
      id: stableId('fact', channelId, message.id, LLM_EXTRACTOR_VERSION, index),
      channel_id: channelId,
      message_id: message.id,
      extractor_version: LLM_EXTRACTOR_VERSION,
      index,
      text,
      type: answerFact.type,
      confidence: answerFact.confidence,
      entities,
      relations,
      topics: unique(answerFact.topics.map(normalizeName).filter((topic) => topic !== '')),
      subject,
      valid_at: message.edited_at ?? message.timestamp,
      due_at,
      language,
      source: factSourceOf(message),
      owner: owner?.key ?? null,
      // A model that leaves it out (an answer in json_object mode, an older prompt) reports nothing done.
      reports_done: answerFact.reports_done ?? false,
    });
  });
  return { facts, rejected };
}

function namedEntity(entity: AnswerEntity, people: PeopleOfBatch, where: string): NamedEntity {
  const name = entity.name.trim();
  if (normalizeName(name) === '') throw new AnswerRejected(`${where} has no name`);
  if (entity.type === 'person') {
    const person = people.resolve(entity.person_id, name);
    const known = person && { key: `person:${person.id}`, name: person.name, type: entity.type, kind: null };
    return { answerName: name, entity: known };
  }
  if (entity.type === 'artifact') {
    if (entity.kind === null) throw new AnswerRejected(`${where} is an artifact without a kind`);
    const key = artifactKey(entity.kind, entity.identifier ?? name);
    if (key === null) throw new AnswerRejected(`${where} has an empty identifier`);
    return { answerName: name, entity: { key, name, type: 'artifact', kind: entity.kind } };
  }
  // A kind on anything but an artifact means nothing: it is left out rather than failing the request.
  return { answerName: name, entity: { key: entityKey(entity.type, name)!, name, type: entity.type, kind: null } };
}

/** The entity a relation or subject names, which the fact must list. */
function findEntity(named: readonly NamedEntity[], name: string, where: string): FactEntity | null {
  const found = entityNamed(named, name);
  if (!found) throw new AnswerRejected(`${where} names "${name}", which is not among the fact's entities`);
  return found.entity;
}

function relationsOf(fact: AnswerFact, find: (name: string, role: string) => FactEntity | null): FactRelation[] {
  const relations = new Map<string, FactRelation>();
  fact.relations.forEach((relation, at) => {
    const source = find(relation.source, `relation ${at} source`);
    const target = find(relation.target, `relation ${at} target`);
    if (source === null || target === null || source.key === target.key) return;
    const kept = { type: relation.type, source: source.key, target: target.key };
    relations.set(`${kept.type}|${kept.source}|${kept.target}`, kept);
  });
  return [...relations.values()];
}

/**
 * `deadline:<entity key>`, `owner:<entity key>`, or `task:<thread root id>:person:<assignee id>`: a
 * task's completion reply lands in the thread of its request, so both share the subject.
 */
function subjectOf(
  subject: AnswerSubject,
  message: NormalizedMessage,
  find: (name: string, role: string) => FactEntity | null,
  where: string,
): string | null {
  const entity = find(subject.entity, 'subject');
  if (entity === null) return null;
  if (subject.kind !== 'task') return `${subject.kind}:${entity.key}`;
  if (entity.type !== 'person')
    throw new AnswerRejected(`${where}: a task subject names a ${entity.type}, not a person`);
  return `task:${message.thread_parent_id ?? message.id}:${entity.key}`;
}

/** A YYYY-MM-DD date that exists (no 2024-02-30). */
function calendarDate(value: string, where: string): string {
  const date = value.trim();
  const parsed = new Date(`${date}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(date)) {
    throw new AnswerRejected(`${where}: due_at "${value}" is not a YYYY-MM-DD date`);
  }
  return date;
}

function uniqueByKey(entities: FactEntity[]): FactEntity[] {
  const byKey = new Map<string, FactEntity>();
  for (const entity of entities) if (!byKey.has(entity.key)) byKey.set(entity.key, entity);
  return [...byKey.values()];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
