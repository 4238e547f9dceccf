import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NormalizedMessage } from '@atlas/events';
import { ChannelGraphBuilder, extractFacts } from '@atlas/knowledge';
import { GenericImportConnector } from '@atlas/platforms';
import { csvText } from '../support/import-fixtures/csv-text';
import { tempDir } from '../support/temp-dir';
import { collectPages, messagesOf, request } from '../platforms/slack-fixtures';

/**
 * Imports that name their authors without ids, read by the real connector, extracted and put in a graph:
 * people called John in channels of different connections stay different people, the John of one
 * connection is one person in all its channels, and a name in the text resolves to its author.
 */
describe('authors of imports known only by name', () => {
  const imports = tempDir('import-authors');
  const MAPPING = JSON.stringify({ author: 'user', text: 'body', timestamp: 'sent_at', channel: 'room' });
  afterAll(() => imports.remove());

  function writeExport(file: string, rows: Array<[room: string, user: string, body: string, minute: number]>): void {
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();
    const content = csvText(
      ['room', 'user', 'body', 'sent_at'],
      rows.map(([room, user, body, minute]) => [room, user, body, at(minute)]),
    );
    writeFileSync(join(imports.path, file), content);
  }

  async function channelMessages(connectionId: string, file: string, room: string): Promise<NormalizedMessage[]> {
    const connector = new GenericImportConnector(
      {
        connection_id: connectionId,
        platform: 'generic_import',
        config: { path: file, mapping: MAPPING },
        credentials: null,
      },
      { maxRetryAfterSeconds: 5, importDir: imports.path },
    );
    return messagesOf(await collectPages(connector, request(room)));
  }

  /** What the extractor and graph stages do for one channel: the batch's authors are the channel's people. */
  function graphOf(channelId: string, messages: NormalizedMessage[]) {
    const people = [
      ...new Map(messages.map((m) => [m.author_id!, { id: m.author_id!, name: m.author_name!, aliases: [] }])).values(),
    ];
    const { facts } = extractFacts(messages, {
      channel_id: channelId,
      channel_name: channelId,
      people,
      thread_parents: new Map(),
    });
    return { facts, delta: new ChannelGraphBuilder(channelId, []).build(facts) };
  }

  const johnOf = (delta: ReturnType<typeof graphOf>['delta']) =>
    delta.entities.filter((entity) => entity.type === 'person' && entity.name === 'John');

  beforeAll(() => {
    writeExport('acme.csv', [
      ['general', 'John', 'The billing export moves to Postgres next week.', 0],
      ['general', 'Mia', 'John said the export runs nightly, I will check it.', 1],
      ['random', 'John', 'Who has the key to the storage room?', 2],
    ]);
    writeExport('globex.csv', [['ops', 'John', 'The ops rotation starts on Monday.', 0]]);
    writeExport('initech.csv', [['support', 'John', 'Printer tickets go to the helpdesk queue now.', 0]]);
  });

  it('keeps three Johns of three connections three people, and one John of one connection one person', async () => {
    const acmeGeneral = graphOf('general', await channelMessages('conn_acme', 'acme.csv', 'general'));
    const acmeRandom = graphOf('random', await channelMessages('conn_acme', 'acme.csv', 'random'));
    const globex = graphOf('ops', await channelMessages('conn_globex', 'globex.csv', 'ops'));
    const initech = graphOf('support', await channelMessages('conn_initech', 'initech.csv', 'support'));

    const [acmeJohn] = johnOf(acmeGeneral.delta);
    expect(johnOf(acmeRandom.delta).map((john) => john.id)).toEqual([acmeJohn.id]);
    const johns = new Set([
      acmeJohn.id,
      ...johnOf(globex.delta).map((j) => j.id),
      ...johnOf(initech.delta).map((j) => j.id),
    ]);
    expect(johns.size).toBe(3);
  });

  it('resolves a name in the text to the author of the same connection', async () => {
    const messages = await channelMessages('conn_acme', 'acme.csv', 'general');
    const john = messages.find((message) => message.author_name === 'John')!;
    const { facts } = graphOf('general', messages);
    const byMia = facts.filter((fact) => fact.source.author_name === 'Mia');
    expect(byMia.length).toBeGreaterThan(0);
    expect(byMia.flatMap((fact) => fact.entities.map((entity) => entity.key))).toContain(`person:${john.author_id}`);
  });
});
