/**
 * A platform-neutral chat workspace: the one fixture every connector's contract suite loads into its
 * platform's emulator (or writes as its export file). Each emulator renders it in its platform's own
 * shapes: ids, timestamps, mention markup, thread model.
 */

export interface ChatUser {
  /** Fixture key; each emulator maps it to a platform user id. */
  key: string;
  /** Login / handle (`ana.souza`). */
  username: string;
  /** The name a person sees (`Ana`); the connector must resolve authors and mentions to it. */
  displayName: string;
  realName: string;
  isBot?: boolean;
}

export interface ChatMessage {
  /** Fixture key, unique in its channel; each emulator maps it to a platform message id. */
  key: string;
  /** ChatUser key of the author. */
  author: string;
  /** Text; `{@key}` marks a mention of that user, written in the platform's mention markup. */
  text: string;
  at: Date;
  replies?: ChatMessage[];
}

export interface ChatChannel {
  /** Fixture key; each emulator maps it to a platform channel id. */
  key: string;
  name: string;
  createdAt: Date;
  messages: ChatMessage[];
}

export interface ChatWorkspace {
  users: ChatUser[];
  channels: ChatChannel[];
}

export const CHAT_USERS: ChatUser[] = [
  { key: 'ana', username: 'ana.souza', displayName: 'Ana', realName: 'Ana Souza' },
  { key: 'ben', username: 'ben.okafor', displayName: 'Ben Okafor', realName: 'Ben Okafor' },
  { key: 'chen', username: 'chen.wei', displayName: 'Chen', realName: 'Chen Wei' },
];

/** The contract channel: `topLevel` messages a minute apart, threads on `threaded` indexes. */
export const CONTRACT_CHANNEL = {
  key: 'general',
  name: 'general',
  topLevel: 260,
  /** Index of a top-level message → number of replies. The long thread needs several reply pages. */
  threads: { 3: 4, 120: 2, 250: 230 } as Record<number, number>,
  /** The message that mentions a user. */
  mentionIndex: 7,
};

/** A second channel, so discovery lists more than one and fetching one never leaks the other. */
export const OTHER_CHANNEL = { key: 'random', name: 'random', topLevel: 3 };

const HISTORY_START = Date.parse('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;

/** Text of the `index`-th top-level message of a channel: unique, so a test can tell messages apart. */
export function topLevelText(channelKey: string, index: number): string {
  return index === CONTRACT_CHANNEL.mentionIndex && channelKey === CONTRACT_CHANNEL.key
    ? `Can {@chen} review the Billing API migration plan? (${channelKey} message ${index})`
    : `${channelKey} message ${index}: the Billing API migration moves to Postgres.`;
}

export function topLevelKey(index: number): string {
  return `m${index}`;
}

export function replyKey(parentIndex: number, reply: number): string {
  return `m${parentIndex}r${reply}`;
}

/**
 * The contract workspace: three users, the contract channel (260 top-level messages, three threads,
 * one of 230 replies) and a small second channel. Every time is in the past, a minute apart; replies
 * follow their parent by seconds.
 */
export function contractWorkspace(): ChatWorkspace {
  const authors = CHAT_USERS.map((user) => user.key);
  const channel = (key: string, name: string, topLevel: number, threads: Record<number, number>): ChatChannel => ({
    key,
    name,
    createdAt: new Date(HISTORY_START - 86_400_000),
    messages: Array.from({ length: topLevel }, (_, index) => {
      const at = HISTORY_START + index * MINUTE * 10;
      const replies = Array.from({ length: threads[index] ?? 0 }, (_, reply) => ({
        key: replyKey(index, reply),
        author: authors[(index + reply + 1) % authors.length],
        text: `reply ${reply} to ${key} message ${index}`,
        at: new Date(at + (reply + 1) * 1000),
      }));
      return {
        key: topLevelKey(index),
        author: authors[index % authors.length],
        text: topLevelText(key, index),
        at: new Date(at),
        ...(replies.length > 0 ? { replies } : {}),
      };
    }),
  });
  return {
    users: CHAT_USERS.map((user) => ({ ...user })),
    channels: [
      channel(CONTRACT_CHANNEL.key, CONTRACT_CHANNEL.name, CONTRACT_CHANNEL.topLevel, CONTRACT_CHANNEL.threads),
      channel(OTHER_CHANNEL.key, OTHER_CHANNEL.name, OTHER_CHANNEL.topLevel, {}),
    ],
  };
}

/** Every message of a channel, replies included, each once. */
export function allMessages(channel: ChatChannel): ChatMessage[] {
  return channel.messages.flatMap((message) => [message, ...(message.replies ?? [])]);
}

/** Renders `{@key}` mentions with the platform's markup. */
export function renderMentions(text: string, markup: (userKey: string) => string): string {
  return text.replace(/\{@([a-z0-9_-]+)\}/g, (_, key: string) => markup(key));
}

export function userByKey(workspace: ChatWorkspace, key: string): ChatUser {
  const user = workspace.users.find((candidate) => candidate.key === key);
  if (!user) throw new Error(`No fixture user ${key}`);
  return user;
}
