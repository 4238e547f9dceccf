import type { GraphEntity, GraphRelation, WikiFact } from '../../contracts';
import { compareText } from '../../ordering';
import { actionItem, actionItemFacts } from '../entry-items';
import { compareNewestFirst } from '../fact-order';
import { escapeMarkdown } from '../markdown';
import type { PageBuilder } from '../page-builder';
import { PageInputs } from '../page-inputs';
import { cappedList, entityLabel, noteEntities, noteTopics, plural, topicLabel } from '../page-parts';
import { pagePlan, type PagePlan } from '../page-plan';
import type { TopicCluster } from '../topic-clusters';
import type { WikiModel } from '../wiki-model';

type TopicFacts = { topic: TopicCluster; facts: WikiFact[] };
import { contributorsOf } from './fact-groups';

const MAX_PEOPLE = 30;
const PER_PERSON = 5;
const ASK_TOPICS = 10;
const EXPERTS_PER_TOPIC = 3;
/** Facts that show someone knows a topic: they answered, decided or announced something about it. */
const KNOWING = new Set(['answer', 'decision', 'announcement']);

interface Person {
  name: string;
  entity: GraphEntity | null;
  /** Facts they wrote or that name them, newest first. */
  facts: WikiFact[];
  authored: WikiFact[];
  worksOn: Array<{ relation: GraphRelation; target: GraphEntity; evidence: WikiFact[] }>;
  /** The topics of their facts, and of the ones showing they know something, most first. */
  topics: TopicFacts[];
  knows: TopicFacts[];
}

/** Who is in the channel, what each works on and knows about, and who to ask about each main topic. */
export function peoplePage(model: WikiModel): PagePlan {
  const { index } = model;
  const people = peopleOf(model)
    .slice(0, MAX_PEOPLE)
    .map((person) => ({
      ...person,
      topics: model.topicsOfFacts(person.facts).slice(0, PER_PERSON),
      knows: model.topicsOfFacts(person.authored.filter((fact) => KNOWING.has(fact.type))).slice(0, PER_PERSON),
    }));
  const experts = model.topicPages.slice(0, ASK_TOPICS).map((topic) => ({
    topic,
    people: contributorsOf(
      index,
      topic.facts.filter((fact) => KNOWING.has(fact.type)),
    ).slice(0, EXPERTS_PER_TOPIC),
  }));
  const assigned = new Map<string, typeof model.actionItems>();
  for (const entry of model.actionItems) {
    // A request to everyone is nobody's open item.
    if (entry.doneBy !== null || entry.owner === null) continue;
    assigned.set(entry.assignee, [...(assigned.get(entry.assignee) ?? []), entry]);
  }

  const inputs = new PageInputs().addAllFacts();
  noteEntities(
    inputs,
    model,
    people.flatMap((person) => [...(person.entity ? [person.entity] : []), ...person.worksOn.map((w) => w.target)]),
  );
  inputs.addRelations(people.flatMap((person) => person.worksOn.map((w) => w.relation)));
  noteTopics(inputs, model, [
    ...experts.map((expert) => expert.topic),
    ...people.flatMap((person) => [...person.topics, ...person.knows].map(({ topic }) => topic)),
  ]);
  for (const entries of assigned.values())
    for (const entry of entries) inputs.addFacts(actionItemFacts(entry)).note(entry.assignee);

  return pagePlan('people', model.title('People'), inputs, (page) => {
    if (people.length === 0) {
      page.paragraph("No people appear in this channel's facts yet.");
      return;
    }
    const asked = experts.filter((expert) => expert.people.length > 0);
    if (asked.length > 0) {
      page.heading(2, 'Who to ask');
      page.list(
        asked.map(
          ({ topic, people: who }) =>
            `${topicLabel(model, topic)}: ${who
              .map(
                (person) =>
                  `${escapeMarkdown(person.name)} (${plural(person.facts.length, 'answer or decision', 'answers or decisions')}) ${page.cite(person.facts[0])}`,
              )
              .join(', ')}`,
        ),
      );
    }
    for (const person of people) writePerson(page, model, person, assigned.get(person.name) ?? []);
  });
}

function writePerson(page: PageBuilder, model: WikiModel, person: Person, open: typeof model.actionItems): void {
  page.heading(2, person.name);
  const authored = new Set(person.authored);
  const mentioned = person.facts.length - person.authored.length;
  const parts = [
    person.authored.length > 0
      ? `Wrote ${plural(person.authored.length, 'fact')}, latest ${page.cite(person.authored[0])}`
      : null,
    mentioned > 0
      ? `named in ${plural(mentioned, 'other fact')}, latest ${page.cite(person.facts.find((fact) => !authored.has(fact)) as WikiFact)}`
      : null,
  ].filter((part) => part !== null);
  const details =
    person.entity && model.entitySlug(person.entity.id) ? ` More on ${entityLabel(model, person.entity)}.` : '';
  page.paragraph(`${parts.join('; ')}.${details}`);
  if (person.worksOn.length > 0)
    page.paragraph(
      `Works on: ${person.worksOn
        .slice(0, PER_PERSON)
        .map(
          ({ relation, target, evidence }) =>
            `${entityLabel(model, target)}${relation.type === 'owns' ? ' (owner)' : ''} ${page.citeAll(evidence.slice(0, 3))}`,
        )
        .join(', ')}.`,
    );
  const { topics, knows } = person;
  if (topics.length > 0)
    page.paragraph(
      `Talks about: ${topics.map(({ topic, facts }) => `${topicLabel(model, topic)} (${plural(facts.length, 'fact')}) ${page.cite(facts[0])}`).join(', ')}.`,
    );
  if (knows.length > 0)
    page.paragraph(
      `Ask about: ${knows.map(({ topic, facts }) => `${topicLabel(model, topic)} ${page.citeAll(facts.slice(0, 3))}`).join(', ')}.`,
    );
  if (open.length > 0) {
    page.paragraph('Open action items:');
    cappedList(page, open, { limit: PER_PERSON, whereMore: ' on the [Action items](action-items) page' }, (entry) =>
      actionItem(page, entry),
    );
  }
}

function peopleOf(model: WikiModel): Person[] {
  const { index } = model;
  const people: Person[] = [];
  const seenAuthors = new Set<string>();
  for (const entity of index.allEntities()) {
    if (entity.type !== 'person') continue;
    const facts = index.factsAbout(entity.id);
    if (facts.length === 0) continue;
    const authored = facts.filter((fact) => index.authorEntity(fact)?.id === entity.id);
    people.push({ name: entity.name, entity, facts, authored, worksOn: worksOn(model, entity), topics: [], knows: [] });
    for (const fact of authored) if (fact.source.author_id !== null) seenAuthors.add(fact.source.author_id);
  }
  // Authors the graph does not know still wrote what they wrote.
  const unknown = contributorsOf(
    index,
    index.newestFirst.filter((fact) => !index.authorEntity(fact) && !seenAuthors.has(fact.source.author_id ?? '')),
  );
  for (const author of unknown)
    people.push({
      name: author.name,
      entity: null,
      facts: author.facts,
      authored: author.facts,
      worksOn: [],
      topics: [],
      knows: [],
    });
  return people.sort(
    (a, b) =>
      b.facts.length - a.facts.length ||
      compareText(a.name, b.name) ||
      compareText(a.entity?.id ?? '', b.entity?.id ?? ''),
  );
}

function worksOn(model: WikiModel, person: GraphEntity): Person['worksOn'] {
  const { index } = model;
  return index
    .relationsOf(person.id)
    .filter(
      (relation) => (relation.type === 'works_on' || relation.type === 'owns') && relation.source_id === person.id,
    )
    .flatMap((relation) => {
      const target = index.entity(relation.target_id);
      const evidence = relation.fact_ids.flatMap((id) => index.fact(id) ?? []).sort(compareNewestFirst);
      return target && evidence.length > 0 ? [{ relation, target, evidence }] : [];
    })
    .sort((a, b) => b.evidence.length - a.evidence.length || compareText(a.target.name, b.target.name));
}
