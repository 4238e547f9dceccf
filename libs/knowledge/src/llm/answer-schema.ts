import { ARTIFACT_KINDS, ENTITY_TYPES, FACT_TYPES, RELATION_TYPES } from '@atlas/events';

/** The single-valued properties a fact may set; the extractor turns them into the fact's `subject`. */
export const SUBJECT_KINDS = ['deadline', 'owner', 'task'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const ANSWER_SCHEMA_NAME = 'atlas_facts';

const nullableString = (description: string) => ({ type: ['string', 'null'], description });

const ENTITY = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'type', 'kind', 'person_id', 'identifier'],
  properties: {
    name: { type: 'string', description: 'The name as the fact text writes it.' },
    type: { type: 'string', enum: [...ENTITY_TYPES] },
    kind: {
      type: ['string', 'null'],
      enum: [...ARTIFACT_KINDS, null],
      description: 'What an artifact is; null for every other type.',
    },
    person_id: nullableString('A person\'s id from "people"; null for every other type.'),
    identifier: nullableString("An artifact's URL or ticket id as written; null for every other type."),
  },
};

const RELATION = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'source', 'target'],
  properties: {
    type: { type: 'string', enum: [...RELATION_TYPES] },
    source: { type: 'string', description: "The name of one of the fact's entities." },
    target: { type: 'string', description: "The name of another of the fact's entities." },
  },
};

const SUBJECT = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'entity'],
  properties: {
    kind: { type: 'string', enum: [...SUBJECT_KINDS] },
    entity: { type: 'string', description: 'The name of the fact entity the property belongs to.' },
  },
};

const FACT = {
  type: 'object',
  additionalProperties: false,
  required: [
    'message_id',
    'text',
    'type',
    'confidence',
    'entities',
    'relations',
    'topics',
    'subject',
    'due_at',
    'owner',
    'reports_done',
  ],
  properties: {
    message_id: { type: 'string', description: 'The id of the message the fact comes from.' },
    text: { type: 'string', description: 'One self-contained sentence, pronouns resolved.' },
    type: { type: 'string', enum: [...FACT_TYPES] },
    confidence: { type: 'number', description: 'From 0 to 1.' },
    entities: { type: 'array', items: ENTITY },
    relations: { type: 'array', items: RELATION },
    topics: { type: 'array', items: { type: 'string' } },
    subject: { anyOf: [SUBJECT, { type: 'null' }] },
    due_at: nullableString('The date the fact sets, YYYY-MM-DD; null if none.'),
    owner: nullableString(
      'Whose work the fact is about: a person\'s id or name from "people", or a team the fact names; null if nobody\'s.',
    ),
    reports_done: { type: 'boolean', description: 'The fact reports a piece of work finished.' },
  },
};

/**
 * The answer the model must give, as a JSON schema in the strict subset OpenAI structured outputs accept
 * (every property required, nullable through a null type, no additional properties).
 */
export const ANSWER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['facts'],
  properties: { facts: { type: 'array', items: FACT } },
} as const;
