import { SlackConnector } from '@atlas/platforms';
import type { RecordedCall, SlackEmulator } from '../support/slack-emulator';
import { seedChannel, startSlackWorkspace } from '../support/slack-workspace-fixture';
import { callsBeforeHintedTime } from '../support/timed-calls';
import { idsOf, messagesOf, request, slackConnector } from './slack-fixtures';

/** A history call or a replies call, named by what it asks for: the same page asked twice has the same key. */
function pageKey(call: RecordedCall): string {
  const { channel, ts, cursor, latest, oldest } = call.params;
  return JSON.stringify([call.method, channel, ts ?? null, cursor ?? null, latest ?? null, oldest ?? null]);
}

describe('Slack connector pacing (issue 11: rate limits used to the full, never exceeded)', () => {
  let emulator: SlackEmulator;

  beforeEach(async () => {
    emulator = await startSlackWorkspace();
  });

  afterEach(() => emulator.stop());

  it('learns the pace from the 429s: nothing before a Retry-After, the wait not made the interval, the pace recovering', async () => {
    // Two history pages and 40 threads of one reply; replies limited as Slack does it: too many within a
    // second get 429 with the whole seconds to wait.
    const threads = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [index * 7, 1]));
    const seeded = seedChannel(emulator.workspace, 'C0PACED', { topLevel: 300, threads });
    emulator.limitRate('conversations.replies', { requests: 10, windowSeconds: 1, sliding: true });
    const connector = slackConnector(emulator) as SlackConnector;

    const paces: Array<number | null> = [];
    const pages = [];
    for await (const page of connector.fetchMessages(request('C0PACED'))) {
      pages.push(page);
      paces.push(connector.pace('conversations.replies'));
    }

    // Every message once, no page asked twice.
    expect(idsOf(messagesOf(pages)).sort()).toHaveLength(seeded.total);
    expect(new Set(idsOf(messagesOf(pages))).size).toBe(seeded.total);
    const answered = emulator.calls.filter((call) => call.status === 200 && call.method.startsWith('conversations.'));
    expect(new Set(answered.map(pageKey)).size).toBe(answered.length);

    // Slack did throttle, and no call of the method came before the time its 429 named.
    const replies = emulator.callsTo('conversations.replies');
    const firstLimited = replies.find((call) => call.status === 429)!;
    expect(firstLimited).toMatchObject({ error: 'ratelimited', retryAfterMs: 1000 });
    expect(callsBeforeHintedTime(emulator.calls, (a, b) => a.method === b.method)).toEqual([]);

    // The wait delayed the next call only: later calls are not a Retry-After apart, most far less.
    const later = replies.filter((call) => call.status === 200 && call.at >= firstLimited.answeredAt + 1000);
    const gaps = later.slice(1).map((call, index) => call.at - later[index].at);
    expect(gaps.length).toBeGreaterThan(5);
    expect(gaps.filter((gap) => gap < 500).length).toBeGreaterThan(gaps.length / 2);

    // The pace was cut on the 429, and rose again after runs of successes.
    const cut = paces.find((pace) => pace !== null)!;
    expect(cut).toBeGreaterThan(0);
    expect(Math.max(...paces.filter((pace): pace is number => pace !== null))).toBeGreaterThan(cut);
  }, 60_000);

  it("fetches threads while the next history page is on its way, within each method's pace", async () => {
    // Three threads on the newest history page, so the next page is within the pages fetched ahead.
    const seeded = seedChannel(emulator.workspace, 'C0AHEAD', { topLevel: 250, threads: { 245: 2, 247: 2, 249: 2 } });
    const pages = [];
    for await (const page of slackConnector(emulator).fetchMessages(request('C0AHEAD'))) pages.push(page);

    expect(idsOf(messagesOf(pages))).toHaveLength(seeded.total);
    const methods = emulator.calls
      .filter((call) => call.method === 'conversations.history' || call.method === 'conversations.replies')
      .map((call) => call.method);
    // The second history page was asked for before the replies of the first page's threads were all in.
    const secondHistory = methods.indexOf('conversations.history', methods.indexOf('conversations.history') + 1);
    expect(secondHistory).toBeGreaterThan(0);
    expect(secondHistory).toBeLessThan(methods.lastIndexOf('conversations.replies'));
    // Handed out in the walk's order all the same: the history page, then its threads newest first.
    expect(pages[1].messages.every((message) => message.thread_parent_id === seeded.topLevel[249])).toBe(true);
  });
});
