import { checkProse, MalformedProse } from './prose-check';

const FACTS = new Map([
  [1, 'stdin recommended the nv driver for the GeForce 2 card.'],
  [2, 'Use k3b to burn DVDs on Ubuntu.'],
]);

describe('checkProse', () => {
  it('keeps sentences citing given facts they share words with', () => {
    const answer = JSON.stringify({ answer: 'Use the nv driver for a GeForce 2 [1]. K3b burns DVDs [2][1].' });
    expect(checkProse(answer, FACTS)).toEqual({
      sentences: [
        { text: 'Use the nv driver for a GeForce 2 [1].', citations: [1] },
        { text: 'K3b burns DVDs [2][1].', citations: [2, 1] },
      ],
      dropped: [],
    });
  });

  it('drops a sentence without a citation, with an unknown one, or unrelated to what it cites', () => {
    const answer = JSON.stringify({
      answer:
        'Use the nv driver [1]. Reinstalling Windows always helps. Brasero is best [7]. Kernel panics are rare [2].',
    });
    const checked = checkProse(answer, FACTS);
    expect(checked.sentences.map((sentence) => sentence.text)).toEqual(['Use the nv driver [1].']);
    expect(checked.dropped).toEqual([
      { text: 'Reinstalling Windows always helps.', reason: 'no_citation' },
      { text: 'Brasero is best [7].', reason: 'unknown_citation' },
      { text: 'Kernel panics are rare [2].', reason: 'unsupported' },
    ]);
  });

  it('reads an empty answer as no sentence', () => {
    expect(checkProse('{"answer": ""}', FACTS)).toEqual({ sentences: [], dropped: [] });
  });

  it('refuses an answer that is not the JSON asked for', () => {
    expect(() => checkProse('Sure! The driver is nv [1].', FACTS)).toThrow(MalformedProse);
    expect(() => checkProse('{"text": "nv [1]"}', FACTS)).toThrow(MalformedProse);
  });
});
