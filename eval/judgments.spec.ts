import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from './dataset';
import { handMadeFact, handMadeRun } from './fixtures/hand-made-run';
import {
  loadJudgments,
  producedFacts,
  sampleFacts,
  scoreJudgments,
  seededRandom,
  type JudgmentFile,
} from './judgments';

const { channels } = loadDataset(join(__dirname, 'fixtures', 'ubuntu-irc-mini'));
const dev = channels.find((channel) => channel.split === 'dev')!;
const ids = dev.messages.map((message) => message.id);
const run = handMadeRun(ids.map((id, i) => handMadeFact(id, 'observation', `fact ${i}`)));

describe('self-contained judgments', () => {
  it('draws the same sample for the same seed, in message order, with the source messages', () => {
    const first = sampleFacts([{ channel: dev, run }], 4, 7);
    expect(sampleFacts([{ channel: dev, run }], 4, 7)).toEqual(first);
    expect(first).toHaveLength(4);
    const positions = first.map((fact) => ids.indexOf(fact.message_id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const fact of first) {
      const message = dev.messages.find((m) => m.id === fact.message_id)!;
      expect(fact.message_text).toBe(message.text);
      expect(fact.fact_text).toBe(`fact ${ids.indexOf(fact.message_id)}`);
      expect(fact.self_contained).toBeNull();
    }
    expect(first[0].author).not.toBeNull();
  });

  it('returns every fact when fewer exist than asked for', () => {
    expect(sampleFacts([{ channel: dev, run }], 50, 1)).toHaveLength(9);
  });

  it('seeded generator repeats and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('scores judged facts of one set and split; counts unjudged and stale ones', () => {
    const judged = (text: string, selfContained: boolean | null, messageId = ids[0]) => ({
      channel: dev.channel.name,
      message_id: messageId,
      author: null,
      message_text: '',
      fact_type: 'observation',
      fact_text: text,
      self_contained: selfContained,
    });
    const file: JudgmentFile = {
      set: 'ubuntu-irc',
      split: 'dev',
      extractor: 'hand-made',
      seed: 1,
      facts: [
        judged('fact 0', true),
        judged('fact 1', false, ids[1]),
        judged('no longer extracted', true, ids[2]),
        judged('fact 3', null, ids[3]),
      ],
    };
    const other: JudgmentFile = { ...file, split: 'held_out', facts: [judged('fact 0', false)] };
    const produced = producedFacts([{ run }]);
    // judged: 3 (2 self-contained), 1 not judged yet, 1 whose text the extractor no longer gives.
    expect(scoreJudgments([file, other], 'ubuntu-irc', 'dev', produced)).toEqual({
      judged: 3,
      selfContained: 2,
      unjudged: 1,
      stale: 1,
    });
    expect(scoreJudgments([file, other], 'brightwave', 'dev', produced)).toEqual({
      judged: 0,
      selfContained: 0,
      unjudged: 0,
      stale: 0,
    });
  });

  it('reads judgment files and rejects malformed ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'judgments-'));
    try {
      expect(loadJudgments(join(dir, 'missing'))).toEqual({ files: [], errors: [] });
      const good = { set: 'ubuntu-irc', split: 'dev', extractor: 'x', seed: 1, facts: [] };
      writeFileSync(join(dir, 'a.json'), JSON.stringify(good));
      writeFileSync(
        join(dir, 'b.json'),
        JSON.stringify({ ...good, facts: [{ message_id: '1', fact_text: 't', self_contained: 'yes' }] }),
      );
      const { files, errors } = loadJudgments(dir);
      expect(files).toEqual([good]);
      expect(errors).toEqual(['b.json: facts[0] needs message_id, fact_text and self_contained (true, false or null)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
