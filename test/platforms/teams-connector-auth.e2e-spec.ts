import { PlatformError } from '@atlas/platforms';
import { CHAT_USERS, ChatWorkspace } from '../support/chat-fixture';
import {
  EMULATED_APP,
  GraphEmulator,
  GraphFixtureIds,
  loadChatWorkspace,
  teamsConnector,
} from '../support/graph-emulator';
import { collectPages, fetchRequest } from './contract/connector-contract';

const HOUR = 3_600_000;
const start = Date.parse('2026-03-02T09:00:00.000Z');

/** One channel of 60 roots (two Graph pages), the third with five replies. */
function smallWorkspace(): ChatWorkspace {
  return {
    users: CHAT_USERS.map((user) => ({ ...user })),
    channels: [
      {
        key: 'ops',
        name: 'ops',
        createdAt: new Date(start - 24 * HOUR),
        messages: Array.from({ length: 60 }, (_, index) => ({
          key: `m${index}`,
          author: CHAT_USERS[index % 3].key,
          text: `ops message ${index}`,
          at: new Date(start + index * 60_000),
          ...(index === 2
            ? {
                replies: Array.from({ length: 5 }, (_, reply) => ({
                  key: `m2r${reply}`,
                  author: 'ben',
                  text: `reply ${reply}`,
                  at: new Date(start + 2 * 60_000 + (reply + 1) * 1000),
                })),
              }
            : {}),
        })),
      },
    ],
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof PlatformError)) throw new Error(`expected a PlatformError, got ${String(error)}`);
  return error;
}

describe('Teams connector authentication against the Graph emulator', () => {
  const emulator = new GraphEmulator();
  let ids: GraphFixtureIds;
  const fetchOps = (connector = teamsConnector(emulator)) =>
    collectPages(connector, fetchRequest(ids.channelId('ops')));

  beforeAll(async () => {
    await emulator.start();
    ids = loadChatWorkspace(emulator.store, smallWorkspace());
  });

  afterAll(() => emulator.stop());

  beforeEach(() => {
    emulator.clearCalls();
    emulator.identity.tokenLifetimeSeconds = 3599;
    emulator.permissions.add('ChannelMessage.Read.All');
  });

  it('uses a given bearer token as it is, without the token endpoint', async () => {
    emulator.identity.acceptToken('given-access-token');
    const pages = await fetchOps(teamsConnector(emulator, {}, { token: 'given-access-token' }));
    expect(pages.flatMap((page) => page.messages)).toHaveLength(65);
    expect(emulator.tokenCalls()).toHaveLength(0);
    expect(emulator.graphCalls().every((call) => call.authorization === 'Bearer given-access-token')).toBe(true);
  });

  it('refuses a given token Graph does not accept with AUTH_ERROR, asking once', async () => {
    const error = await rejectionOf(fetchOps(teamsConnector(emulator, {}, { token: 'not-a-token' })));
    expect(error.code).toBe('AUTH_ERROR');
    expect(error.transient).toBe(false);
    expect(error.message).toContain('InvalidAuthenticationToken');
    expect(emulator.graphCalls()).toHaveLength(1);
  });

  it('obtains a token with the client credentials once and reuses it for every call', async () => {
    const connector = teamsConnector(emulator);
    await fetchOps(connector);
    await connector.discoverChannels();
    expect(emulator.tokenCalls()).toHaveLength(1);
    const [tokenCall] = emulator.tokenCalls();
    expect(tokenCall.path).toBe(`/${EMULATED_APP.tenantId}/oauth2/v2.0/token`);
    expect(new Set(emulator.graphCalls().map((call) => call.authorization)).size).toBe(1);
  });

  it('renews a token before it expires', async () => {
    emulator.identity.tokenLifetimeSeconds = 1;
    const connector = teamsConnector(emulator);
    await fetchOps(connector);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const pages = await fetchOps(connector);
    expect(pages.flatMap((page) => page.messages)).toHaveLength(65);
    expect(emulator.tokenCalls().length).toBeGreaterThanOrEqual(2);
    expect(emulator.graphCalls().filter((call) => call.status === 401)).toHaveLength(0);
  });

  it('fetches a new token once when Graph refuses the one it has as expired', async () => {
    const connector = teamsConnector(emulator);
    await fetchOps(connector);
    emulator.identity.revokeAll();
    emulator.clearCalls();
    const pages = await fetchOps(connector);
    expect(pages.flatMap((page) => page.messages)).toHaveLength(65);
    expect(emulator.graphCalls().filter((call) => call.status === 401)).toHaveLength(1);
    expect(emulator.tokenCalls()).toHaveLength(1);
  });

  it.each([
    ['a wrong client secret', { clientSecret: 'wrong' }, 'invalid_client'],
    ['an unknown tenant', { tenantId: '00000000-0000-0000-0000-000000000000' }, 'invalid_request'],
  ])('refuses %s with AUTH_ERROR', async (_case, credentials, oauthCode) => {
    const error = await rejectionOf(fetchOps(teamsConnector(emulator, {}, credentials)));
    expect(error.code).toBe('AUTH_ERROR');
    expect(error.transient).toBe(false);
    expect(error.options.platformCode).toBe(oauthCode);
    expect(emulator.graphCalls()).toHaveLength(0);
  });

  it('names the missing application permission when Graph answers 403', async () => {
    emulator.permissions.delete('ChannelMessage.Read.All');
    const error = await rejectionOf(fetchOps());
    expect(error.code).toBe('AUTH_ERROR');
    expect(error.options.httpStatus).toBe(403);
    expect(error.message).toContain('ChannelMessage.Read.All');
  });

  it('discovers the channels with the channel permission alone', async () => {
    emulator.permissions.delete('ChannelMessage.Read.All');
    const channels = await teamsConnector(emulator).discoverChannels();
    expect(channels).toEqual([
      { channel_id: ids.channelId('ops'), name: 'ops', topic: null, is_private: false, message_count_hint: null },
    ]);
  });
});
