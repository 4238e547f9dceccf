import { ValidationError } from '@atlas/common';
import { connectionConfig } from './import-formats';
import { canonicalMapping, importOptions, parseMapping } from './import-options';
import { importConnectionId } from './imports.service';

describe('import options', () => {
  it('gives each format its platform config', () => {
    const path = 'uploads/abc.x';
    const mapping = '{"author":"who","text":"body","timestamp":"at"}';
    expect(connectionConfig(importOptions('slack_export', {}, 'acme.zip'), path)).toEqual({ path });
    expect(connectionConfig(importOptions('discord_json', {}, 'general.json'), path)).toEqual({ path, format: 'json' });
    expect(connectionConfig(importOptions('discord_csv', { channel_name: 'general' }), path)).toEqual({
      path,
      format: 'csv',
      channel_name: 'general',
    });
    expect(connectionConfig(importOptions('csv', { mapping }), path)).toEqual({ path, format: 'csv', mapping });
    expect(connectionConfig(importOptions('jsonl', { mapping, channel_name: 'x' }), path)).toEqual({
      path,
      format: 'jsonl',
      mapping,
      channel_name: 'x',
    });
  });

  it('names the channel of a single-channel file after the uploaded file, unless told otherwise', () => {
    const mapping = '{"author":"who","text":"body","timestamp":"at"}';
    expect(importOptions('csv', { mapping }, 'support-chat.csv').channelName).toBe('support-chat');
    expect(importOptions('jsonl', { mapping, channel_name: 'Support' }, 'x.jsonl').channelName).toBe('Support');
    expect(importOptions('discord_csv', {}, 'general.csv')).toMatchObject({ channelName: 'general', channelId: null });
  });

  it("takes a Discord CSV's channel from DiscordChatExporter's file name", () => {
    expect(importOptions('discord_csv', {}, 'Acme - Text Channels - general [1099511627776].csv')).toMatchObject({
      channelName: 'general',
      channelId: '1099511627776',
    });
    expect(importOptions('discord_csv', { channel_name: 'hq' }, 'Acme - general [42] [part 2].csv')).toMatchObject({
      channelName: 'hq',
      channelId: '42',
    });
  });

  it('refuses options that do not apply to the format', () => {
    const mapping = '{"author":"who","text":"body","timestamp":"at"}';
    expect(() => importOptions('slack_export', { channel_name: 'x' })).toThrow(/channel_name does not apply/);
    expect(() => importOptions('discord_json', { channel_name: 'x' })).toThrow(/channel_name does not apply/);
    expect(() => importOptions('discord_csv', { mapping })).toThrow(/mapping applies only/);
    expect(() => importOptions('jsonl', {})).toThrow(/mapping is required/);
  });

  it('writes a mapping with its keys sorted, so the same mapping is always the same text', () => {
    expect(canonicalMapping(parseMapping('{"timestamp":"at","author":"who","text":"body"}'))).toBe(
      '{"author":"who","text":"body","timestamp":"at"}',
    );
  });

  it('names every problem of a mapping', () => {
    const problems = (raw: string) => {
      try {
        parseMapping(raw);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).details.problems;
      }
      throw new Error('expected a refusal');
    };
    expect(problems('{"author":"","body":"x"}')).toEqual([
      'mapping.author must name a column or field (a non-empty string)',
      'mapping.body is not a message field (known: id, author, author_id, text, timestamp, thread_parent_id, channel, edited_at, deleted)',
      'mapping.text is required',
      'mapping.timestamp is required',
    ]);
    expect(problems('{"text":"t","timestamp":"at","thread_parent_id":"parent"}')).toEqual([
      'mapping.author or mapping.author_id is required',
      'mapping.thread_parent_id needs mapping.id: replies point at messages by their ids',
    ]);
  });

  it('accepts an author given by id only', () => {
    expect(parseMapping('{"text":"t","timestamp":"at","author_id":"uid"}')).toEqual({
      text: 't',
      timestamp: 'at',
      author_id: 'uid',
    });
  });
});

describe('importConnectionId', () => {
  const sha = 'ab'.repeat(32);
  const csv = { format: 'csv' as const, mapping: '{"text":"a","timestamp":"b"}', channelName: null, channelId: null };

  it('is the same for the same file and options, whatever the channel name', () => {
    expect(importConnectionId(sha, csv, 0)).toBe(importConnectionId(sha, { ...csv, channelName: 'other' }, 0));
    expect(importConnectionId(sha, csv, 0)).toMatch(/^conn_[0-9a-f]{20}$/);
  });

  it('differs by file, format, mapping and generation', () => {
    const ids = new Set([
      importConnectionId(sha, csv, 0),
      importConnectionId('cd'.repeat(32), csv, 0),
      importConnectionId(sha, { ...csv, format: 'jsonl' }, 0),
      importConnectionId(sha, { ...csv, mapping: '{"text":"c","timestamp":"b"}' }, 0),
      importConnectionId(sha, csv, 1),
    ]);
    expect(ids.size).toBe(5);
  });
});
