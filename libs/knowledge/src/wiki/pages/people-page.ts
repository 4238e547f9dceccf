import type { WikiPage } from '@atlas/events';
import type { ChannelDigest, PersonSummary } from '../channel-digest';
import { PageBuilder } from '../page-builder';
import { channelLabel, entityRun, factList, plural } from '../page-parts';

const MAX_PEOPLE = 30;
const TOPICS_PER_PERSON = 5;
const FACTS_PER_LIST = 5;

/** Each person of the channel, most involved first: how much they said, about what, what they decided and owe. */
export function peoplePage(digest: ChannelDigest): WikiPage {
  const { channel } = digest;
  const page = new PageBuilder(channel.channel_id, 'people', `${channelLabel(channel.name)}: People`, digest.messages);
  const people = digest.people();
  if (people.length === 0) page.paragraph("No people appear in this channel's facts yet.");
  for (const person of people.slice(0, MAX_PEOPLE)) writePerson(page, digest, person);
  if (people.length > MAX_PEOPLE) page.paragraph(`…and ${people.length - MAX_PEOPLE} more people.`);
  return page.build();
}

function writePerson(page: PageBuilder, digest: ChannelDigest, person: PersonSummary): void {
  page.heading(2, person.name);
  const involvement = [
    person.authored.length > 0
      ? `Wrote ${plural(person.authored.length, 'fact')}, latest ${page.cite(person.authored[0])}`
      : null,
    person.mentionedIn.length > 0
      ? `${person.authored.length > 0 ? 'mentioned' : 'Mentioned'} in ${plural(person.mentionedIn.length, 'fact')}, latest ${page.cite(person.mentionedIn[0])}`
      : null,
  ].filter((part) => part !== null);
  page.paragraph(`${involvement.join('; ')}.`);

  const topics = digest.topicsAmong(person.authored);
  if (topics.length > 0) page.paragraph(`Talks about: ${entityRun(page, topics, TOPICS_PER_PERSON)}.`);

  const decisions = person.authored.filter((fact) => fact.type === 'decision');
  if (decisions.length > 0) {
    page.paragraph('Decisions:');
    factList(page, digest, decisions, { limit: FACTS_PER_LIST, whereMore: ' on the Decisions page' });
  }
  // Action items they wrote and the ones that name them: both are theirs to follow.
  const actionItems = person.facts.filter((fact) => fact.type === 'action_item');
  if (actionItems.length > 0) {
    page.paragraph('Action items:');
    factList(page, digest, actionItems, { limit: FACTS_PER_LIST, whereMore: ' on the Action items page' });
  }
}
