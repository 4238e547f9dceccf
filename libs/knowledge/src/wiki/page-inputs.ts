import { stableHash } from '@atlas/common';
import type { NormalizedMessage } from '@atlas/events';
import type { GraphEntity, GraphRelation, WikiFact } from '../contracts';
import { compareText } from '../ordering';
import { WIKI_TEMPLATE_VERSION } from './template-version';
import type { WikiIndex } from './wiki-index';

/**
 * What one page is written from: its facts (through their digests), the entities and relations it
 * shows, the other messages it quotes, and anything else it depends on (the pages it links to).
 * Hashed before the page is rendered: an unchanged hash means the page would be written the same.
 */
export class PageInputs {
  private readonly facts = new Map<string, WikiFact>();
  private readonly entities = new Map<string, GraphEntity>();
  private readonly relations = new Map<string, GraphRelation>();
  private readonly messages = new Map<string, NormalizedMessage>();
  private readonly notes: string[] = [];
  private everyFact = false;

  /** The page is written from every fact of the channel (counts, a timeline). */
  addAllFacts(): this {
    this.everyFact = true;
    return this;
  }

  addFacts(facts: Iterable<WikiFact | undefined>): this {
    for (const fact of facts) if (fact) this.facts.set(fact.id, fact);
    return this;
  }

  addEntities(entities: Iterable<GraphEntity | undefined>): this {
    for (const entity of entities) if (entity) this.entities.set(entity.id, entity);
    return this;
  }

  addRelations(relations: Iterable<GraphRelation>): this {
    for (const relation of relations) this.relations.set(relation.id, relation);
    return this;
  }

  addMessage(message: NormalizedMessage): this {
    this.messages.set(message.id, message);
    return this;
  }

  /** Anything else the page shows or depends on, e.g. the slugs of the pages it links to. */
  note(...parts: Array<string | number | null>): this {
    this.notes.push(JSON.stringify(parts));
    return this;
  }

  hash(index: WikiIndex, slug: string, title: string): string {
    const facts = [...this.facts.values()].sort((a, b) => compareText(a.id, b.id)).map((f) => index.factDigest(f));
    const entities = sortedById(this.entities).map((entity) =>
      JSON.stringify([entity.id, entity.key, entity.name, entity.type, entity.kind, entity.aliases, entity.keys]),
    );
    const relations = sortedById(this.relations).map((relation) =>
      JSON.stringify([relation.id, relation.type, relation.source_id, relation.target_id, relation.fact_ids]),
    );
    const messages = sortedById(this.messages).map((message) =>
      JSON.stringify([message.id, message.author_name, message.text, message.timestamp, message.permalink]),
    );
    return stableHash(
      WIKI_TEMPLATE_VERSION,
      slug,
      title,
      this.everyFact ? index.allFactsDigest() : '',
      facts.join(','),
      entities.join('\n'),
      relations.join('\n'),
      messages.join('\n'),
      this.notes.join('\n'),
    );
  }
}

function sortedById<T extends { id: string }>(items: Map<string, T>): T[] {
  return [...items.values()].sort((a, b) => compareText(a.id, b.id));
}
