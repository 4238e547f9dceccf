import type { EventType } from './catalogue';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const mapArray = (value: unknown, map: (item: unknown) => unknown): unknown =>
  Array.isArray(value) ? value.map(map) : value;

/** Entity types of the first knowledge stages, and what they are now. */
const LEGACY_ENTITY_TYPES: Readonly<Record<string, { type: string; kind: string | null }>> = {
  channel: { type: 'topic', kind: null },
  link: { type: 'artifact', kind: 'link' },
};
const LEGACY_RELATION_TYPES = new Set(['co_occurs_with']);
const LOCAL_RULES_RUN = { extractor: 'rules', fallback_reason: null, prompt_tokens: 0, completion_tokens: 0 };

/**
 * Reads knowledge events written before facts had relations, subjects and languages, entities kinds
 * and keys, and wiki pages input hashes, as events of today: what they lack gets the value it had
 * then implicitly, and a field they carry is never changed. The log is never rewritten; an event of
 * today passes through unchanged.
 */
export function upcastKnowledgeData(type: EventType, data: unknown): unknown {
  if (!isObject(data)) return data;
  switch (type) {
    case 'FactsExtracted':
      return { skipped: [], run: LOCAL_RULES_RUN, ...data, facts: mapArray(data.facts, upcastFact) };
    case 'ExtractionCompleted':
      return { skipped_messages: 0, llm_prompt_tokens: 0, llm_completion_tokens: 0, llm_fallback_batches: 0, ...data };
    case 'GraphUpdated':
      return {
        ...data,
        entities: mapArray(data.entities, upcastEntityUpsert),
        relations: Array.isArray(data.relations)
          ? data.relations.filter(
              (relation) => !(isObject(relation) && LEGACY_RELATION_TYPES.has(String(relation.type))),
            )
          : data.relations,
      };
    case 'WikiPageGenerated':
      return { ...data, page: withInputsHash(data.page) };
    case 'WikiGenerated':
      return { ...data, pages: mapArray(data.pages, withInputsHash) };
    default:
      return data;
  }
}

function upcastFact(fact: unknown): unknown {
  if (!isObject(fact)) return fact;
  const source = isObject(fact.source) ? fact.source : {};
  return {
    owner: ownerOfTask(fact.subject),
    reports_done: false,
    relations: [],
    topics: [],
    subject: null,
    valid_at: source.timestamp,
    due_at: null,
    language: 'en',
    ...fact,
    source: isObject(fact.source) ? { text: null, ...fact.source } : fact.source,
    entities: mapArray(fact.entities, upcastEntity),
  };
}

/** Before facts named their owner, an action item's task subject did: `task:<thread root>:<person key>`. */
function ownerOfTask(subject: unknown): string | null {
  if (typeof subject !== 'string' || !subject.startsWith('task:')) return null;
  const person = subject.indexOf(':person:');
  return person < 0 ? null : subject.slice(person + 1);
}

function upcastEntity(entity: unknown): unknown {
  if (!isObject(entity)) return entity;
  const legacy = LEGACY_ENTITY_TYPES[String(entity.type)] as { type: string; kind: string | null } | undefined;
  return legacy ? { ...entity, ...legacy } : { kind: null, ...entity };
}

function upcastEntityUpsert(entity: unknown): unknown {
  if (!isObject(entity)) return entity;
  return { keys: [entity.key], ...(upcastEntity(entity) as Json) };
}

/** Before pages hashed their inputs, the content hash was the only one: it stands in for both. */
function withInputsHash(page: unknown): unknown {
  return isObject(page) ? { inputs_hash: page.content_hash, ...page } : page;
}
