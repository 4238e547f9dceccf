import { PlatformError } from '../platform-error';
import { parseImportMapping } from './import-mapping';

describe('parseImportMapping', () => {
  it('reads a mapping of the known keys', () => {
    expect(
      parseImportMapping(
        '{"id":"msg_id","author":"user","text":"body","timestamp":"sent_at","thread_parent_id":"parent"}',
      ),
    ).toEqual({ id: 'msg_id', author: 'user', text: 'body', timestamp: 'sent_at', thread_parent_id: 'parent' });
    expect(parseImportMapping('{"author_id":"uid","text":"t","timestamp":"ts"}')).toEqual({
      author_id: 'uid',
      text: 't',
      timestamp: 'ts',
    });
  });

  it.each([
    [undefined, 'is missing'],
    ['{"text":', 'is not JSON'],
    ['["text"]', 'is not a JSON object'],
    [
      '{"text":"t","timestamp":"ts","author":"a","reactions":"r"}',
      'is not usable: mapping.reactions is not a message field',
    ],
    ['{"text":"t","timestamp":"ts","author":3}', 'is not usable: mapping.author must name a column or field'],
    ['{"timestamp":"ts","author":"a"}', 'is not usable: mapping.text is required'],
    ['{"text":"t","author":"a"}', 'is not usable: mapping.timestamp is required'],
    ['{"text":"t","timestamp":"ts"}', 'is not usable: mapping.author or mapping.author_id is required'],
    [
      '{"text":"t","timestamp":"ts","author":"a","thread_parent_id":"p"}',
      'is not usable: mapping.thread_parent_id needs mapping.id',
    ],
  ])('refuses %s with a PLATFORM_ERROR that says why', (value, problem) => {
    let caught: unknown;
    try {
      parseImportMapping(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PlatformError);
    expect(caught).toMatchObject({ code: 'PLATFORM_ERROR', transient: false });
    expect((caught as Error).message).toContain(`The column mapping (config.mapping) ${problem}`);
  });
});
