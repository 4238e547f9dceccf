import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { ANSWER_SCHEMA } from './answer-schema';
import { REJECTION_REASONS } from './fact-checks';
import type { LlmJsonMode } from './llm-extractor-options';
import type { KnownPerson } from './people-of-batch';

/** A thread parent shown for context is cut to this many characters: it explains a reply, it is not extracted. */
const CONTEXT_TEXT_LENGTH = 500;

const INSTRUCTIONS = `You extract atomic facts from team chat messages for a knowledge base that a new teammate will search.
The user message is JSON: the channel, its "people" (id and name), "context" messages (thread parents, for understanding only) and the "messages" to extract from.
Answer with JSON only: {"facts": [...]}. Write facts only for "messages", never for "context", in message order; a message may have several facts or none.

Be selective. A message gives a fact only when it states something a teammate would want to find later: a decision, a task or commitment with an owner, a question, an answer, an announcement, or a statement about a named person, project, thing, plan, event, date, number or preference.
Greetings, thanks, acknowledgements, reactions, compliments, exclamations, jokes, emoji and filler give no fact; many messages give none.
  No fact: "Hey Mel! Good to see you!", "Wow, amazing view!", "thanks, that did it", "ok sounds good", "well yes sorry", "Great job on the demo!".

Every fact is atomic and self-contained:
- One proposition per fact. Split a compound sentence into one fact per clause; never join two statements with "and", "but" or ";".
  "I merged the fix and Bruno deployed it" by Ana Lima gives "Ana Lima merged the login fix." and "Bruno Costa deployed the login fix."
- Resolve every pronoun. "I", "me", "my" are the author; "you", "your" the person addressed (the author of the message replied to, the @mentioned person, or the other person of a two-person thread); "it", "this", "that", "there" the thing or place named in the thread or the previous message. A "you" meaning anyone becomes the passive or "one": "how do you get a GPG key?" gives "How does one get a GPG key for APT?". When you cannot tell what a pronoun stands for, write the phrase it stands for as the message gives it, or write no fact.
  A fact never contains "I", "me", "my", "you" or "your", and never uses "it", "this", "that" or "there" for something it does not name.
  Good: "Ana Lima will ship the billing migration on 2024-03-08." Bad: "I'll ship it Friday.", "Ana Lima will ship it on Friday.", "Definitely worth a read if you're looking for something captivating."
- A full sentence with a verb and correct grammar after resolving: "How does Gus submit expenses?", not "How do Gus submit expenses?"; "Ben Ortiz agrees with the plan.", not "Fine by Ben.".
- Write relative dates as dates (YYYY-MM-DD) using the message time. Example: "I'll ship it Friday" by Ana Lima in a thread about the billing migration becomes "Ana Lima will ship the billing migration on 2024-03-08."
${discardedWhen()}

Each fact:
- message_id: the id of the message the fact comes from.
- text: the fact, as above.
- type, one of:
  decision: only with a decision act: agreement on a proposal, "we'll go with", "we decided", a poll result. Never a "Let's …": a proposal is an opinion until someone agrees. Good: "The team agreed to move billing to Postgres." Bad: "Let's rock it!" as a decision;
  action_item: a task with an owner, named in the text and as a person or team entity, and given as "owner": the person addressed who is asked, or the author who commits. Never a question: "@Bruno can you review PR 42?" by Ana gives the action item "Ana Lima asked Bruno Costa to review PR 42." with owner "Bruno Costa", not "Can Bruno review PR 42?";
  question: an open question someone asked, kept for its answer: "Bruno Costa asked whether billing should move to Postgres.";
  answer: an answer to a question, usually a thread reply or a message addressed to the asker;
  announcement: news for the team (a release, a change, a launch, a date);
  opinion: a view, preference, judgement or proposal, marked as someone's: "Ana Lima thinks Postgres fits billing better.";
  observation: any other statement of fact.
- confidence: from 0 to 1, how clearly the message states the fact.
- entities: everything the fact names, each once, with "name" as the text writes it. Types:
  person: a person; person_id is their id from "people"; leave out anyone who is not in "people";
  team: a group of people; project: a product, service, project or initiative;
  technology: a language, database, framework, tool or platform;
  place: a city, country, region, office or venue ("London", "California", "the Berlin office"); a place is never a technology;
  decision: what was decided, named by a short statement ("use Postgres for billing");
  artifact: a document, repo, ticket or link, with kind (document, repo, ticket or link) and identifier (its URL or ticket id exactly as written, e.g. "https://github.com/acme/billing/pull/42" or "OPS-142");
  topic: a subject under discussion ("billing migration").
  kind and identifier are for artifacts only and person_id for persons only: null otherwise.
- relations: what the fact states between two of its entities, source and target written exactly as those entities' names:
  works_on (person or team → project or topic), owns (person or team → what they own), decided (person or team → decision),
  asked (person → what they asked about), answered (person → what they answered about), uses (project, team or person → technology or artifact),
  depends_on (a thing → what it needs), mentions (an entity → another one the fact mentions with it).
- topics: a few short lowercase tags of what the fact is about.
- subject: only when the fact sets a property that has one value at a time, so that a later fact replaces it; null otherwise:
  {"kind": "deadline", "entity": <name>} when it sets or moves the date of a project or artifact (set due_at too);
  {"kind": "owner", "entity": <name of what is owned>} when it says who owns or leads something;
  {"kind": "task", "entity": <name of the assignee, a person>} when it gives a person a task, and for the reply in which that person says the task is done.
- due_at: the date the fact sets (deadline, launch, due date) as YYYY-MM-DD, resolved against the message time; null if none.
- owner: whose work the fact is about, as the person's id or name from "people": the owner of an action item (the person addressed who is asked, or the author who commits), the person a request asked as a question asks, or the author who reports work done. null for any other fact, for a request to everyone or to several people, for work a team owns (name the team among the entities), and for anyone who is not in "people".
- reports_done: true when the fact reports a piece of work finished, in words ("done, merged", "the migration finished last night") or by posting the thing (the postmortem or the mockups someone said they would write, as a link); false otherwise.
  "Done, merged it" by Bruno Costa in the thread of Ana's review request gives "Bruno Costa merged PR 42." with owner "Bruno Costa", reports_done true and the task subject of that request.`;

/** The checks of fact-checks.ts, in the model's words: the prompt and the code cannot tell it different rules. */
function discardedWhen(): string {
  const rules = Object.values(REJECTION_REASONS).map((rule) => `- ${rule};`);
  return `A fact is discarded when it:\n${rules.join('\n')}`;
}

export function systemPrompt(jsonMode: LlmJsonMode): string {
  // Without a schema in response_format, the model only sees the one written here.
  if (jsonMode === 'json_object') {
    return `${INSTRUCTIONS}\n\nThe answer must match this JSON schema:\n${JSON.stringify(ANSWER_SCHEMA)}`;
  }
  return INSTRUCTIONS;
}

interface PromptMessage {
  id: string;
  author: string | null;
  author_id: string | null;
  time: string;
  thread_parent: string | null;
  text: string;
}

/**
 * The request's messages as compact JSON, with the thread parents they reply to that are not among
 * them (from elsewhere in the batch or from the channel's history).
 */
export function userMessage(
  messages: readonly NormalizedMessage[],
  batch: ReadonlyMap<string, NormalizedMessage>,
  context: ExtractionContext,
  people: readonly KnownPerson[],
): string {
  const sent = new Set(messages.map((message) => message.id));
  const parents = new Map<string, PromptMessage>();
  for (const message of messages) {
    const parentId = message.thread_parent_id;
    if (parentId === null || sent.has(parentId) || parents.has(parentId)) continue;
    const parent = batch.get(parentId) ?? context.thread_parents.get(parentId);
    if (parent && !parent.deleted) {
      parents.set(parentId, { ...promptMessage(parent), text: parent.text.slice(0, CONTEXT_TEXT_LENGTH) });
    }
  }
  return JSON.stringify({
    channel: context.channel_name,
    people: people.map((person) => ({ id: person.id, name: person.name })),
    context: [...parents.values()],
    messages: messages.map(promptMessage),
  });
}

function promptMessage(message: NormalizedMessage): PromptMessage {
  return {
    id: message.id,
    author: message.author_name,
    author_id: message.author_id,
    time: message.edited_at ?? message.timestamp,
    thread_parent: message.thread_parent_id,
    text: message.text,
  };
}
