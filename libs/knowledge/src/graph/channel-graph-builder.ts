import type { EntityUpsert, Fact } from '@atlas/events';
import type { GraphDelta, GraphEntity } from '../contracts';
import { rankNamesByUse } from '../names';
import { compareText } from '../ordering';
import { buildRelations } from './build-relations';
import { type EntityMention, EntityResolver, type ResolvedEntity, TYPE_ORDER } from './entity-resolver';
import { tallyMentions, type MentionTally } from './tally-mentions';

/** What one batch did to one entity. */
interface Touched {
  entity: ResolvedEntity;
  /** How many aliases the entity had before the batch: the ones after are new. */
  aliasesBefore: number;
  keys: Set<string>;
  factIds: Set<string>;
}

/**
 * The graph of one channel as one job grows it, batch by batch. `known` is the channel's graph when the job
 * started; each build() resolves the entities of a batch's facts into it (see EntityResolver for the rules),
 * remembers the entities it creates for the later batches, and returns the upserts the batch makes: for each
 * entity the batch names, its id (an existing entity's when resolved into one, stableId('ent', key) for a new
 * one), its new aliases, the fact keys resolved into it (its own key first) and the facts naming it; and the
 * relations the facts state, between resolved entity ids.
 */
export class ChannelGraphBuilder {
  private readonly resolver: EntityResolver;

  constructor(
    private readonly channelId: string,
    known: readonly GraphEntity[],
  ) {
    this.resolver = new EntityResolver(known);
  }

  build(facts: Fact[]): GraphDelta {
    const ordered = [...facts].sort((a, b) => compareText(a.id, b.id));
    const touched = new Map<string, Touched>();
    for (const tally of [...tallyMentions(ordered).values()].sort(resolutionOrder)) {
      const mention: EntityMention = { ...tally, names: rankNamesByUse(tally.nameCounts) };
      const existing = this.resolver.resolve(mention);
      const entity = existing ?? this.resolver.create(mention);
      let touch = touched.get(entity.id);
      if (!touch) {
        touch = { entity, aliasesBefore: existing ? entity.aliases.length : 0, keys: new Set(), factIds: new Set() };
        touched.set(entity.id, touch);
      }
      if (existing) this.resolver.attach(entity, mention);
      touch.keys.add(mention.key);
      tally.factIds.forEach((id) => touch.factIds.add(id));
    }
    const entities = [...touched.values()]
      .map((touch) => this.upsert(touch))
      .sort((a, b) => compareText(a.key, b.key) || compareText(a.id, b.id));
    const idOfKey = (key: string) => this.resolver.entityOfKey(key)?.id ?? null;
    return { entities, relations: buildRelations(ordered, idOfKey, this.channelId) };
  }

  /** The id of the entity a fact entity key was resolved into, by this job or the graph before it. */
  entityIdOf(key: string): string | null {
    return this.resolver.entityOfKey(key)?.id ?? null;
  }

  private upsert({ entity, aliasesBefore, keys, factIds }: Touched): EntityUpsert {
    keys.delete(entity.key);
    return {
      id: entity.id,
      key: entity.key,
      name: entity.name,
      type: entity.type,
      kind: entity.kind,
      aliases: entity.aliases.slice(aliasesBefore).sort(compareText),
      keys: [entity.key, ...[...keys].sort(compareText)],
      channel_id: this.channelId,
      fact_ids: [...factIds].sort(compareText),
    };
  }
}

/** Fixed, fact-order independent: by type (identities first, topics last), most used first, then by key. */
function resolutionOrder(a: MentionTally, b: MentionTally): number {
  return (
    TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
    b.factIds.size - a.factIds.size ||
    compareText(a.key, b.key)
  );
}
