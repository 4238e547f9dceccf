import { prepareMessageText, splitSentences, tagWords, withBatchReadings } from './batch-readings';
import { prepareMessageText as prepare } from './message-text';
import { tagWords as tag } from './nlp';
import { splitSentences as split } from './sentences';

describe('batch readings', () => {
  const text = 'Ana merged the fix. Bruno deployed it.';

  it('give what their modules give', () => {
    withBatchReadings(() => {
      expect(tagWords(text)).toEqual(tag(text));
      expect(prepareMessageText(`> quoted\n${text}`)).toBe(prepare(`> quoted\n${text}`));
      expect(splitSentences(text)).toEqual(split(text));
    });
  });

  it('take each reading once per batch', () => {
    withBatchReadings(() => {
      expect(tagWords(text)).toBe(tagWords(text));
      expect(splitSentences(text)).toBe(splitSentences(text));
      // A batch inside a batch reads from the outer one.
      const outer = tagWords(text);
      withBatchReadings(() => expect(tagWords(text)).toBe(outer));
    });
  });

  it('keep nothing between batches, and take readings afresh outside one', () => {
    const first = withBatchReadings(() => tagWords(text));
    const second = withBatchReadings(() => tagWords(text));
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(tagWords(text)).not.toBe(tagWords(text));
  });

  it('closes the batch when its extraction throws', () => {
    expect(() =>
      withBatchReadings(() => {
        tagWords(text);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(tagWords(text)).not.toBe(tagWords(text));
  });
});
