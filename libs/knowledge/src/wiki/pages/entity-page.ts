import { FACT_TYPES, type FactType, type RelationType } from '@atlas/events';
import type { GraphEntity, GraphRelation, WikiFact } from '../../contracts';
import { compareText } from '../../ordering';
import { compareNewestFirst, timeOf } from '../fact-order';
import { actionItem, actionItemFacts } from '../entry-items';
import { escapeMarkdown, formatUtcDate } from '../markdown';
import { PageInputs } from '../page-inputs';
import { cappedList, entityLabel, factList, noteEntities, noteTopics, plural, topicLabel } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { WikiModel } from '../wiki-model';

const MAX_RELATIONS = 20;
const EVIDENCE_PER_RELATION = 3;
const TOPICS = 8;
const PER_TYPE = 10;

const VERBS: Record<RelationType, string> = {
  works_on: 'works on',
  owns: 'owns',
  decided: 'decided',
  asked: 'asked',
  answered: 'answered',
  uses: 'uses',
  depends_on: 'depends on',
  mentions: 'mentions',
};
const SECTION_TITLES: Record<FactType, string> = {
  decision: 'Decisions',
  action_item: 'Action items',
  question: 'Questions',
  answer: 'Answers',
  announcement: 'Announcements',
  opinion: 'Opinions',
  observation: 'Observations',
};

interface ShownRelation {
  relation: GraphRelation;
  source: GraphEntity;
  target: GraphEntity;
  /** Newest first. */
  evidence: WikiFact[];
}

/** One person, project, technology, team or artifact: what the graph relates it to, and its facts by type. */
export function entityPage(model: WikiModel, entity: GraphEntity, slug: string): PagePlan {
  const { index } = model;
  const facts = index.factsAbout(entity.id);
  const relations = relationsOf(model, entity);
  const topics = model.topicsOfFacts(facts).slice(0, TOPICS);
  const authored = entity.type === 'person' ? facts.filter((fact) => index.authorEntity(fact)?.id === entity.id) : [];

  const about = new Set(facts.map((fact) => fact.id));
  // Action items as they stand (open, changed or done), so a completion report never reads as an open task.
  const actionItems = model.actionItems.filter((entry) => actionItemFacts(entry).some((fact) => about.has(fact.id)));

  const inputs = new PageInputs().addFacts(facts).addEntities([entity]);
  for (const entry of actionItems.slice(0, PER_TYPE)) inputs.addFacts(actionItemFacts(entry));
  inputs.addRelations(relations.map((shown) => shown.relation));
  for (const shown of relations) inputs.addFacts(shown.evidence.slice(0, EVIDENCE_PER_RELATION));
  noteEntities(
    inputs,
    model,
    relations.flatMap((shown) => [shown.source, shown.target]),
  );
  noteTopics(
    inputs,
    model,
    topics.map(({ topic }) => topic),
  );

  return pagePlan(slug, model.title(entity.name), inputs, (page) => {
    const kind = entity.type === 'artifact' && entity.kind !== null ? ` (${entity.kind})` : '';
    const aliases = entity.aliases.length > 0 ? ` Also called: ${entity.aliases.map(escapeMarkdown).join(', ')}.` : '';
    page.paragraph(`${capitalized(entity.type)}${kind}.${aliases}`);
    const oldest = facts[facts.length - 1];
    const newest = facts[0];
    const wrote = entity.type === 'person' ? ` ${escapeMarkdown(entity.name)} wrote ${authored.length} of them.` : '';
    page.paragraph(
      `In ${plural(facts.length, 'fact')}, from ${formatUtcDate(oldest.source.timestamp)} ${page.cite(oldest)} to ${formatUtcDate(newest.source.timestamp)} ${page.cite(newest)}.${wrote}`,
    );
    if (topics.length > 0)
      page.paragraph(
        `Topics: ${topics.map(({ topic, facts: of }) => `${topicLabel(model, topic)} (${plural(of.length, 'fact')}) ${page.cite(of[0])}`).join(', ')}.`,
      );
    if (relations.length > 0) {
      page.heading(2, 'Relations');
      cappedList(page, relations, { limit: MAX_RELATIONS }, ({ relation, source, target, evidence }) => {
        const name = (other: GraphEntity) =>
          other.id === entity.id ? `**${escapeMarkdown(other.name)}**` : entityLabel(model, other);
        return `${name(source)} ${VERBS[relation.type]} ${name(target)} ${page.citeAll(evidence.slice(0, EVIDENCE_PER_RELATION))}`;
      });
    }
    for (const type of FACT_TYPES) {
      if (type === 'action_item') {
        if (actionItems.length === 0) continue;
        page.heading(2, SECTION_TITLES[type]);
        cappedList(
          page,
          actionItems,
          { limit: PER_TYPE, whereMore: ' on the [Action items](action-items) page' },
          (entry) => actionItem(page, entry),
        );
        continue;
      }
      const ofType = facts.filter((fact) => fact.type === type);
      if (ofType.length === 0) continue;
      page.heading(2, SECTION_TITLES[type]);
      factList(page, index, ofType, { limit: PER_TYPE });
    }
  });
}

/** The entity's relations whose evidence is among the current facts, best evidenced first. */
function relationsOf(model: WikiModel, entity: GraphEntity): ShownRelation[] {
  const { index } = model;
  return index
    .relationsOf(entity.id)
    .flatMap((relation): ShownRelation[] => {
      const source = index.entity(relation.source_id);
      const target = index.entity(relation.target_id);
      const evidence = relation.fact_ids.flatMap((id) => index.fact(id) ?? []).sort(compareNewestFirst);
      return source && target && evidence.length > 0 ? [{ relation, source, target, evidence }] : [];
    })
    .sort(
      (a, b) =>
        b.evidence.length - a.evidence.length ||
        timeOf(b.evidence[0].source.timestamp) - timeOf(a.evidence[0].source.timestamp) ||
        compareText(a.relation.id, b.relation.id),
    );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
