import type { NormalizedMessage } from '@atlas/events';
import type { ExtractionContext } from '../contracts';
import { ANSWER_SCHEMA } from './answer-schema';
import type { LlmJsonMode } from './llm-extractor-options';
import type { KnownPerson } from './people-of-batch';

/** A thread parent shown for context is cut to this many characters: it explains a reply, it is not extracted. */
const CONTEXT_TEXT_LENGTH = 500;

const INSTRUCTIONS = `You extract atomic facts from team chat messages for a knowledge base.
The user message is JSON: the channel, its "people" (id and name), "context" messages (thread parents, for understanding only) and the "messages" to extract from.
Answer with JSON only: {"facts": [...]}. Write facts only for "messages", never for "context", in message order; a message may have several facts or none.
Write no facts for small talk (greetings, thanks, acknowledgements, jokes, emoji) nor for a message that states nothing worth keeping.

Each fact:
- message_id: the id of the message the fact comes from.
- text: one self-contained English sentence that is understood without the chat. Resolve pronouns: "I" is the author, "you" the person addressed, "we" the team or people meant; name what "it" or "this" refers to, using the thread parent when needed. Write relative dates as dates (YYYY-MM-DD) using the message time. Example: "I'll ship it Friday" by Ana Lima in a thread about the billing migration becomes "Ana Lima will ship the billing migration on 2024-03-08."
- type, one of:
  decision: something was decided or agreed;
  action_item: someone is asked to do something or commits to doing it;
  question: an open question;
  answer: an answer to a question, usually a thread reply;
  announcement: news for the team (a release, a change, a launch, a date);
  opinion: a view, preference or proposal;
  observation: any other statement of fact.
- confidence: from 0 to 1, how clearly the message states the fact.
- entities: everything the fact names, each once, with "name" as the text writes it. Types:
  person: a person; person_id is their id from "people"; leave out anyone who is not in "people";
  team: a group of people; project: a product, service, project or initiative;
  technology: a language, database, framework, tool or platform;
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
- due_at: the date the fact sets (deadline, launch, due date) as YYYY-MM-DD, resolved against the message time; null if none.`;

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
