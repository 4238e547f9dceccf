import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACT_KINDS,
  ENTITY_TYPES,
  FACT_TYPES,
  RELATION_TYPES,
  type ArtifactKind,
  type EntityType,
  type FactType,
  type RelationType,
} from '@atlas/events';

export const SPLITS = ['dev', 'held_out'] as const;
export type Split = (typeof SPLITS)[number];

export interface DatasetPerson {
  id: string;
  name: string;
  aliases: string[];
  /** Integrations and bots: authors only, never part of the gazetteer. */
  is_bot?: boolean;
}

export interface ExpectedEntity {
  name: string;
  type: EntityType;
  kind?: ArtifactKind;
}

export interface ExpectedRelation {
  source: string;
  type: RelationType;
  target: string;
}

export interface Expected {
  /** Set only for messages not written in English: they carry no facts. */
  language?: string;
  facts: Array<{ type: FactType; text?: string }>;
  entities: ExpectedEntity[];
  relations: ExpectedRelation[];
}

export interface DatasetMessage {
  id: string;
  author_id: string;
  text: string;
  timestamp: string;
  thread_parent_id: string | null;
  mentions: Array<{ id: string; name: string }>;
  is_bot?: boolean;
  subtype?: string | null;
  expected: Expected;
}

export interface DatasetChannel {
  /** File the channel was read from, for messages. */
  file: string;
  split: Split;
  channel: { id: string; name: string };
  people: DatasetPerson[];
  messages: DatasetMessage[];
  resolution: { same: string[][]; different: Array<[string, string]> };
  /** False for files whose messages were labelled without relations: they are left out of relation scores. */
  relations_labeled?: boolean;
}

/** Whether the channel's relations were labelled (absent means they were). */
export const relationsLabeled = (channel: Pick<DatasetChannel, 'relations_labeled'>): boolean =>
  channel.relations_labeled !== false;

/** Reads every `*.json` of the dataset folder; returns the channels and every problem found in them. */
export function loadDataset(dir: string): { channels: DatasetChannel[]; errors: string[] } {
  const errors: string[] = [];
  const channels: DatasetChannel[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      errors.push(`${file}: not JSON (${(error as Error).message})`);
      continue;
    }
    const problems = validateChannel(parsed);
    errors.push(...problems.map((problem) => `${file}: ${problem}`));
    if (!problems.length) channels.push({ ...(parsed as Omit<DatasetChannel, 'file'>), file });
  }
  if (!files.length) errors.push(`no dataset files in ${dir}`);
  const heldOut = channels.filter((channel) => channel.split === 'held_out').length;
  if (channels.length && !heldOut) errors.push('at least one channel must be held_out, found none');
  // Day samples of one real channel share its id, so a channel is told apart by id and name.
  const ids = channels.map((channel) => `${channel.channel.id}/${channel.channel.name}`);
  if (new Set(ids).size !== ids.length) errors.push('channel id and name pairs are not unique across files');
  return { channels, errors };
}

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function validateChannel(raw: unknown): string[] {
  const errors: string[] = [];
  if (!isObject(raw)) return ['not an object'];
  if (!SPLITS.includes(raw.split as Split)) errors.push(`split must be one of ${SPLITS.join(', ')}`);
  if (raw.relations_labeled !== undefined && typeof raw.relations_labeled !== 'boolean')
    errors.push('relations_labeled must be true or false when present');
  const withoutRelations = raw.relations_labeled === false;
  if (!isObject(raw.channel) || !isString(raw.channel.id) || !isString(raw.channel.name))
    errors.push('channel needs id and name');
  const people = Array.isArray(raw.people) ? raw.people : [];
  if (!Array.isArray(raw.people) || !people.length) errors.push('people must be a non-empty array');
  const personIds = new Set<string>();
  for (const [i, person] of people.entries()) {
    if (!isObject(person) || !isString(person.id) || !isString(person.name) || !Array.isArray(person.aliases)) {
      errors.push(`people[${i}] needs id, name and aliases`);
      continue;
    }
    if (personIds.has(person.id)) errors.push(`people[${i}]: duplicate id ${person.id}`);
    personIds.add(person.id);
  }
  if (!Array.isArray(raw.messages) || !raw.messages.length) return [...errors, 'messages must be a non-empty array'];
  const seen = new Set<string>();
  let previous = '';
  for (const [i, message] of raw.messages.entries()) {
    const at = `messages[${i}]`;
    if (!isObject(message)) {
      errors.push(`${at} is not an object`);
      continue;
    }
    const id = message.id;
    if (!isString(id) || seen.has(id)) errors.push(`${at}: missing or duplicate id`);
    if (!isString(message.author_id) || !personIds.has(message.author_id)) errors.push(`${at}: author not in people`);
    if (typeof message.text !== 'string') errors.push(`${at}: text must be a string`);
    if (!isString(message.timestamp) || !ISO.test(message.timestamp)) errors.push(`${at}: timestamp must be ISO UTC`);
    else if (message.timestamp < previous) errors.push(`${at}: timestamps are not chronological`);
    else previous = message.timestamp;
    const parent = message.thread_parent_id;
    if (parent !== null && (!isString(parent) || !seen.has(parent)))
      errors.push(`${at}: thread_parent_id must be null or an earlier message`);
    if (
      !Array.isArray(message.mentions) ||
      message.mentions.some((m) => !isObject(m) || !personIds.has(m.id as string))
    )
      errors.push(`${at}: mentions must reference people`);
    errors.push(...validateExpected(message.expected).map((problem) => `${at} (${String(id)}): ${problem}`));
    if (withoutRelations && isObject(message.expected) && Array.isArray(message.expected.relations))
      if (message.expected.relations.length)
        errors.push(`${at}: relations given in a file with relations_labeled false`);
    if (isString(id)) seen.add(id);
  }
  errors.push(...validateResolution(raw.resolution));
  return errors;
}

function validateExpected(expected: unknown): string[] {
  if (!isObject(expected)) return ['expected is missing'];
  const errors: string[] = [];
  const facts = Array.isArray(expected.facts) ? expected.facts : null;
  const entities = Array.isArray(expected.entities) ? expected.entities : null;
  const relations = Array.isArray(expected.relations) ? expected.relations : null;
  if (!facts || !entities || !relations) return ['expected needs facts, entities and relations arrays'];
  if (facts.some((fact) => !isObject(fact) || !FACT_TYPES.includes(fact.type as FactType)))
    errors.push('unknown fact type');
  if (expected.language !== undefined && (!isString(expected.language) || facts.length))
    errors.push('language is only for non-English messages, which have no facts');
  if (!facts.length && (entities.length || relations.length)) errors.push('entities or relations without facts');
  const names = new Set<string>();
  for (const entity of entities) {
    if (!isObject(entity) || !isString(entity.name) || !ENTITY_TYPES.includes(entity.type as EntityType)) {
      errors.push('entity needs a name and a known type');
      continue;
    }
    if (names.has(entity.name)) errors.push(`entity ${entity.name} listed twice`);
    names.add(entity.name);
    const kindOk =
      entity.type === 'artifact'
        ? ARTIFACT_KINDS.includes(entity.kind as ArtifactKind)
        : entity.kind === undefined || entity.kind === null;
    if (!kindOk) errors.push(`entity ${entity.name}: kind is required for artifacts and only for them`);
  }
  if (facts.length && !entities.some((entity) => isObject(entity) && entity.type === 'person'))
    errors.push('a fact-bearing message lists its author as a person entity');
  for (const relation of relations) {
    if (!isObject(relation) || !RELATION_TYPES.includes(relation.type as RelationType)) {
      errors.push('relation needs a known type');
      continue;
    }
    if (!names.has(relation.source as string) || !names.has(relation.target as string))
      errors.push(
        `relation ${String(relation.source)} -${String(relation.type)}-> ${String(relation.target)}: ends must be entities of the message`,
      );
  }
  return errors;
}

function validateResolution(resolution: unknown): string[] {
  if (!isObject(resolution)) return ['resolution is missing'];
  const errors: string[] = [];
  const groups = (value: unknown, name: string, pairs: boolean) => {
    if (!Array.isArray(value)) return errors.push(`resolution.${name} must be an array`);
    for (const group of value)
      if (!Array.isArray(group) || group.length < 2 || (pairs && group.length !== 2) || !group.every(isString))
        errors.push(`resolution.${name}: ${JSON.stringify(group)} is not a ${pairs ? 'pair' : 'group'} of names`);
  };
  groups(resolution.same, 'same', false);
  groups(resolution.different, 'different', true);
  return errors;
}
