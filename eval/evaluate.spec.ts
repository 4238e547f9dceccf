import { join } from 'node:path';
import { loadDataset, type DatasetChannel } from './dataset';
import { scoreChannel, scoreSplits, shareWithFacts, emptyScores } from './evaluate';
import { handMadeFact, handMadeRun } from './fixtures/hand-made-run';
import { formatReport, type SelfContainedByColumn } from './report';
import { EVAL_SETS } from './sets';

// Two hand-labelled day samples of real IRC chat, both `relations_labeled: false` (see fixtures/README.md):
// dev has 9 messages, 6 of them fact-bearing; held_out has 7 messages, all fact-bearing.
const FIXTURE = join(__dirname, 'fixtures', 'ubuntu-irc-mini');

function fixture(): { dev: DatasetChannel; heldOut: DatasetChannel } {
  const { channels, errors } = loadDataset(FIXTURE);
  expect(errors).toEqual([]);
  return { dev: channels.find((c) => c.split === 'dev')!, heldOut: channels.find((c) => c.split === 'held_out')! };
}

const SABIN = { key: 'person:UAB5654EDA', name: 'Sabin', type: 'person' as const };
const KDE = { key: 'technology:kde', name: 'KDE', type: 'technology' as const };

// Predicted on the dev sample: facts on 2 fact-bearing messages (a question, an answer) and on 2 that are not
// ("ouch", "thank you"); the question carries a relation the labels do not have.
const devRun = () =>
  handMadeRun([
    handMadeFact(
      '1119866520.001180',
      'question',
      'How easy is it to get KDE running on ubuntu?',
      [SABIN, KDE],
      [{ source: SABIN.key, type: 'asked', target: KDE.key }],
    ),
    handMadeFact('1119866582.001184', 'observation', 'ouch'),
    handMadeFact('1119866641.001187', 'answer', "It's in main, yes"),
    handMadeFact('1119866642.001188', 'observation', 'thank you'),
  ]);

const NOBODY_JUDGED: SelfContainedByColumn = {
  dev: { judged: 0, selfContained: 0, unjudged: 0, stale: 0 },
  held_out: { judged: 0, selfContained: 0, unjudged: 0, stale: 0 },
  total: { judged: 0, selfContained: 0, unjudged: 0, stale: 0 },
};
const SPEED = { runs: 1, messages: 16, extraction: 1, graph: 1, both: 1 };

describe('eval scoring on a real-chat sample', () => {
  it('counts fact-bearing messages and the share with facts, predicted and gold', () => {
    const { dev } = fixture();
    const scores = emptyScores();
    scoreChannel(dev, devRun(), scores);
    // predicted: 4 messages; gold: 6; both: the question and the answer.
    expect(scores.messages).toBe(9);
    expect(scores.factBearing).toEqual({ tp: 2, fp: 2, fn: 4 });
    expect(shareWithFacts(scores)).toEqual({ predicted: 4 / 9, gold: 6 / 9 });
    expect(scores.typeAccuracy).toEqual({ hits: 2, total: 2 });
    // Gold entities: 9 people and 6 technologies over the 6 fact-bearing messages; Sabin and KDE found.
    expect(scores.entities).toEqual({ tp: 2, fp: 0, fn: 13 });
    expect(scores.entitiesByType.get('person')).toEqual({ tp: 1, fp: 0, fn: 8 });
    expect(scores.entitiesByType.get('technology')).toEqual({ tp: 1, fp: 0, fn: 5 });
  });

  it('shares are 0 for a set without messages, not NaN', () => {
    expect(shareWithFacts(emptyScores())).toEqual({ predicted: 0, gold: 0 });
  });

  it('leaves channels without relation labels out of relation scores, instead of scoring them as misses', () => {
    const { dev } = fixture();
    const unlabeled = emptyScores();
    const reports = scoreChannel(dev, devRun(), unlabeled);
    expect(unlabeled.relations).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(unlabeled.relationsByType.size).toBe(0);
    expect(unlabeled.relationsNotLabeled).toEqual({ channels: 1, messages: 9 });
    expect(reports.flatMap((report) => report.mismatches).filter((m) => m.includes('relation'))).toEqual([]);

    // The same channel with its relations labelled: the predicted relation is an extra one.
    const labeled = emptyScores();
    scoreChannel({ ...dev, relations_labeled: true }, devRun(), labeled);
    expect(labeled.relations).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(labeled.relationsNotLabeled).toEqual({ channels: 0, messages: 0 });
  });

  it('groups channels by split and keeps only dev mismatches', () => {
    const { dev, heldOut } = fixture();
    const { scores, devReports } = scoreSplits([
      { channel: dev, run: devRun() },
      { channel: heldOut, run: handMadeRun([]) },
    ]);
    expect([scores.dev.messages, scores.held_out.messages, scores.total.messages]).toEqual([9, 7, 16]);
    expect([scores.dev.channels, scores.held_out.channels, scores.total.channels]).toEqual([1, 1, 2]);
    expect(scores.held_out.factBearing).toEqual({ tp: 0, fp: 0, fn: 7 });
    expect(scores.total.factBearing).toEqual({ tp: 2, fp: 2, fn: 11 });
    expect(shareWithFacts(scores.held_out)).toEqual({ predicted: 0, gold: 1 });
    expect(scores.total.relationsNotLabeled).toEqual({ channels: 2, messages: 16 });
    expect(devReports.length).toBeGreaterThan(0);
    expect(new Set(devReports.map((report) => report.channel))).toEqual(new Set([dev.channel.name]));
  });

  it('reports unlabelled relations as "not labeled" and says why, and prints the shares side by side', () => {
    const { dev, heldOut } = fixture();
    const { scores } = scoreSplits([
      { channel: dev, run: devRun() },
      { channel: heldOut, run: handMadeRun([]) },
    ]);
    const lines = formatReport('header', scores, SPEED, NOBODY_JUDGED).split('\n');
    const line = (label: string) => lines.find((l) => l.startsWith(label)) ?? '';
    expect(line('relations ')).toMatch(/^relations\s+not labeled\s+not labeled\s+not labeled$/);
    expect(line('  mentions')).toMatch(/^ {2}mentions\s+not labeled\s+not labeled\s+not labeled$/);
    expect(lines).toContain('relations not labeled in 2 of 2 channels (16 messages): left out of relation scores');
    expect(line('share with facts')).toMatch(
      /^share with facts \(pred\/gold\)\s+0\.444 \/ 0\.667\s+0\.000 \/ 1\.000\s/,
    );
  });

  it('scores relations of the labelled channels only when a split mixes both', () => {
    const { dev, heldOut } = fixture();
    const { scores } = scoreSplits([
      { channel: { ...dev, relations_labeled: true }, run: devRun() },
      { channel: heldOut, run: handMadeRun([]) },
    ]);
    expect(scores.total.relations).toEqual({ tp: 0, fp: 1, fn: 0 });
    const lines = formatReport('header', scores, SPEED, NOBODY_JUDGED).split('\n');
    expect(lines.find((l) => l.startsWith('relations '))).toMatch(
      /^relations\s+0\.000 0\.000 0\.000\s+not labeled\s+0\.000 0\.000 0\.000$/,
    );
    expect(lines).toContain('relations not labeled in 1 of 2 channels (7 messages): left out of relation scores');
  });
});

describe('eval sets', () => {
  it('scores the real set first, then the set written for the project', () => {
    expect(EVAL_SETS.map((set) => [set.name, set.dir])).toEqual([
      ['ubuntu-irc', 'eval/real/ubuntu-irc'],
      ['brightwave', 'eval/dataset'],
    ]);
  });
});
