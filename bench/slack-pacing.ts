import { SlackConnector } from '@atlas/platforms';
import { EMULATOR_OUTBOUND_POLICY } from '../test/support/outbound-allowances';
import { factText } from '../test/support/chat-sentences';
import { EMULATOR_TOKEN, RecordedCall, SlackEmulator } from '../test/support/slack-emulator';
import { callsBeforeHintedTime } from '../test/support/timed-calls';

/** The channel and the limit of issue 11's held-out run: 20,000 messages, 471 threads, 20 calls of a method per 3 s. */
export interface SlackPacingSetup {
  messages: number;
  threads: number;
  /** More than `requests` calls of one method within `windowSeconds` get 429 with Retry-After. */
  limit: { requests: number; windowSeconds: number };
  /** The fetch is stopped after this long, and the figures so far reported. */
  timeoutSeconds: number;
}

export const ISSUE_11_SETUP: SlackPacingSetup = {
  messages: 20_000,
  threads: 471,
  limit: { requests: 20, windowSeconds: 3 },
  timeoutSeconds: 600,
};

export interface MethodFigures {
  method: string;
  calls: number;
  '429s': number;
  'calls/min': number;
  'allowed/min': number;
  'calls before Retry-After passed': number;
}

export interface SlackPacingFigures {
  /** False when the fetch was stopped at the timeout. */
  completed: boolean;
  elapsedSeconds: number;
  messagesFetched: number;
  distinctMessages: number;
  /** History or replies pages answered more than once. */
  pagesFetchedTwice: number;
  /** Calls that arrived before a Retry-After of their method had passed. */
  callsBeforeRetryAfter: number;
  rateLimited: number;
  methods: MethodFigures[];
}

const METHODS = [
  'auth.test',
  'conversations.info',
  'conversations.history',
  'conversations.replies',
  'users.list',
  'users.info',
];

/**
 * Runs the Slack connector's fetch of a whole channel against the Slack emulator behaving as Slack
 * documents it (cursor pagination, threads, 429 with Retry-After over the method's limit), and measures
 * how well the connector used the limit: elapsed time, calls a minute per method against the allowed
 * rate, 429s, calls made before a Retry-After had passed, and pages fetched twice.
 */
export async function runSlackPacingBench(setup: SlackPacingSetup = ISSUE_11_SETUP): Promise<SlackPacingFigures> {
  const emulator = await new SlackEmulator().start();
  try {
    const channelId = 'C0PACING';
    seedChannel(emulator, channelId, setup);
    for (const method of METHODS) emulator.limitRate(method, { ...setup.limit, sliding: true });

    const connector = new SlackConnector(
      {
        connection_id: 'conn_bench',
        platform: 'slack',
        config: { base_url: emulator.url },
        credentials: { token: EMULATOR_TOKEN },
      },
      { maxRetryAfterSeconds: 300, importDir: '/nonexistent', outboundPolicy: EMULATOR_OUTBOUND_POLICY },
    );
    const started = Date.now();
    const ids: string[] = [];
    const signal = AbortSignal.timeout(setup.timeoutSeconds * 1000);
    let completed = true;
    try {
      const request = { channelId, since: null, resume: null, signal };
      for await (const page of connector.fetchMessages(request)) ids.push(...page.messages.map((m) => m.id));
    } catch (error) {
      if (!signal.aborted) throw error;
      completed = false;
    }
    const elapsedMs = Date.now() - started;

    const calls = emulator.calls;
    const allowedPerMinute = (setup.limit.requests * 60) / setup.limit.windowSeconds;
    const methods = METHODS.map((method) => methodFigures(method, calls, allowedPerMinute)).filter((m) => m.calls > 0);
    const answeredPages = calls
      .filter((call) => call.status === 200)
      .filter((call) => call.method === 'conversations.history' || call.method === 'conversations.replies')
      .map(pageKey);
    return {
      completed,
      elapsedSeconds: Math.round(elapsedMs / 100) / 10,
      messagesFetched: ids.length,
      distinctMessages: new Set(ids).size,
      pagesFetchedTwice: answeredPages.length - new Set(answeredPages).size,
      callsBeforeRetryAfter: callsBeforeHintedTime(calls, (a, b) => a.method === b.method).length,
      rateLimited: calls.filter((call) => call.status === 429).length,
      methods,
    };
  } finally {
    await emulator.stop();
  }
}

/** Calls a minute over the span the method was in use (its first call to its last). */
function methodFigures(method: string, calls: RecordedCall[], allowedPerMinute: number): MethodFigures {
  const own = calls.filter((call) => call.method === method);
  const spanMs = own.length > 1 ? own[own.length - 1].at - own[0].at : 0;
  return {
    method,
    calls: own.length,
    '429s': own.filter((call) => call.status === 429).length,
    'calls/min': spanMs > 0 ? Math.round(((own.length - 1) * 60_000) / spanMs) : own.length,
    'allowed/min': allowedPerMinute,
    'calls before Retry-After passed': callsBeforeHintedTime(own).length,
  };
}

function pageKey(call: RecordedCall): string {
  const { channel, ts, cursor, latest, oldest } = call.params;
  return JSON.stringify([call.method, channel, ts ?? null, cursor ?? null, latest ?? null, oldest ?? null]);
}

/**
 * A channel of `messages` messages of which `threads` top-level ones start threads. Reply counts vary
 * as in real chat: most threads are short, a few run past one replies page (200).
 */
function seedChannel(emulator: SlackEmulator, channelId: string, setup: SlackPacingSetup): void {
  const workspace = emulator.workspace;
  const people = Array.from({ length: 40 }, (_, index) => `U${String(index).padStart(4, '0')}PACE`);
  for (const [index, id] of people.entries()) workspace.addUser({ id, name: `person.${index}` });
  workspace.addChannel({ id: channelId, name: 'pacing' });

  let seed = 11;
  const random = () => {
    // A fixed linear congruential sequence: every run seeds the same channel.
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const replyCounts = Array.from({ length: setup.threads }, (_, index) =>
    index % 157 === 0 ? 230 + Math.floor(random() * 60) : 1 + Math.floor(random() * 16),
  );
  const replies = replyCounts.reduce((sum, count) => sum + count, 0);
  const topLevel = setup.messages - replies;
  if (topLevel < setup.threads) throw new Error('Too many replies for the channel size');
  // Threads spread evenly over the channel's history.
  const threadEvery = topLevel / setup.threads;
  let thread = 0;
  for (let index = 0; index < topLevel; index += 1) {
    const author = people[Math.floor(random() * people.length)];
    const ts = workspace.post(channelId, { user: author, text: factText(index, `message ${index}`) });
    if (thread < setup.threads && index >= Math.floor(thread * threadEvery)) {
      for (let reply = 0; reply < replyCounts[thread]; reply += 1) {
        const replier = people[Math.floor(random() * people.length)];
        workspace.reply(channelId, ts, {
          user: replier,
          text: factText(index + reply + 1, `reply ${reply} to ${index}`),
        });
      }
      thread += 1;
    }
  }
}

export function printSlackPacing(figures: SlackPacingFigures, setup: SlackPacingSetup = ISSUE_11_SETUP): void {
  console.log(
    `Slack pacing: ${setup.messages} messages, ${setup.threads} threads, ` +
      `429 beyond ${setup.limit.requests} calls of a method in ${setup.limit.windowSeconds} s`,
  );
  console.table(figures.methods);
  console.table([
    {
      completed: figures.completed,
      'elapsed s': figures.elapsedSeconds,
      'messages fetched': figures.messagesFetched,
      distinct: figures.distinctMessages,
      '429s': figures.rateLimited,
      'calls before Retry-After passed': figures.callsBeforeRetryAfter,
      'pages fetched twice': figures.pagesFetchedTwice,
    },
  ]);
}

// `node dist/bench-build/bench/slack-pacing.js [messages] [threads] [timeout s]`: the run alone.
if (require.main === module) {
  const [messages, threads, timeoutSeconds] = process.argv.slice(2).map(Number);
  const setup = {
    ...ISSUE_11_SETUP,
    ...(messages > 0 ? { messages } : {}),
    ...(threads > 0 ? { threads } : {}),
    ...(timeoutSeconds > 0 ? { timeoutSeconds } : {}),
  };
  runSlackPacingBench(setup)
    .then((figures) => printSlackPacing(figures, setup))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
