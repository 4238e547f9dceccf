import { stableId } from '@atlas/common';
import type { Fact, NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { normalizeName } from '../names';
import { factSourceOf } from '../fact-source';
import { decisionStatement } from './decision-statement';
import { toFactEntity, type LocatedEntity } from './entities';
import type { FactClassification } from './fact-type';
import { READABLE_LANGUAGE } from './language';

/** Part of every fact id: a new version of the rules yields new facts instead of overwriting old ones. */
export const EXTRACTOR_VERSION = 'rules-4';

export function decisionEntity(cleanedText: string, position: number): LocatedEntity | null {
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
export function topicsOf(entities: readonly LocatedEntity[]): string[] {
  const tags = entities
    .filter((entity) => entity.type === 'topic' || entity.type === 'project' || entity.type === 'technology')
    .map((entity) => entity.key.slice(entity.key.indexOf(':') + 1));
  return [...new Set(tags)];
}

export interface FactContent {
  text: string;
  classification: FactClassification;
  entities: readonly LocatedEntity[];
  topics: string[];
  relations: Fact['relations'];
  subject: string | null;
  due_at: string | null;
  /** Whose work it is (see Fact.owner), and whether it reports work done. */
  owner: string | null;
  reports_done: boolean;
}

export function buildFact(
  message: NormalizedMessage,
  context: ExtractionContext,
  index: number,
  content: FactContent,
): Fact {
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
    owner: content.owner,
    reports_done: content.reports_done,
  };
}
