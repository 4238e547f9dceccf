import { ENTITY_TYPES, FACT_TYPES, RELATION_TYPES } from '@atlas/events';
import { shareWithFacts, type Scores, type ScoresBySplit } from './evaluate';
import type { SelfContainedScore } from './judgments';
import { emptyCounts, prf, type Counts } from './scoring';

const COLUMNS = ['dev', 'held_out', 'total'] as const;
const LABEL = 30;
const CELL = 22;

const num = (value: number) => value.toFixed(3);
const pad = (text: string, width: number) => text.padEnd(width);

function row(label: string, cells: readonly string[]): string {
  return `${pad(label, LABEL)}${cells.map((cell) => pad(cell, CELL)).join('')}`.trimEnd();
}

function prfCell(counts: Counts): string {
  const { precision, recall, f1 } = prf(counts);
  return `${num(precision)} ${num(recall)} ${num(f1)}`;
}

function f1Cell(counts: Counts | undefined): string {
  const c = counts ?? emptyCounts();
  if (!c.tp && !c.fp && !c.fn) return '-';
  return `${num(prf(c).f1)} (n=${c.tp + c.fn})`;
}

export interface Speed {
  runs: number;
  messages: number;
  extraction: number;
  graph: number;
  both: number;
}

/** Self-contained judgments per column; a column nobody judged shows "-". */
export type SelfContainedByColumn = Record<(typeof COLUMNS)[number], SelfContainedScore>;

const relationsLabeledIn = (s: Scores) => s.channels - s.relationsNotLabeled.channels > 0;

function selfContainedCell(score: SelfContainedScore): string {
  if (!score.judged) return score.unjudged ? `- (${score.unjudged} unjudged)` : '- (none judged)';
  const stale = score.stale ? `, ${score.stale} stale` : '';
  return `${num(score.selfContained / score.judged)} (${score.selfContained}/${score.judged}${stale})`;
}

export function typeAccuracy(scores: Scores): number {
  return scores.typeAccuracy.total ? scores.typeAccuracy.hits / scores.typeAccuracy.total : 0;
}

export function formatReport(
  header: string,
  scores: ScoresBySplit,
  speed: Speed,
  selfContained: SelfContainedByColumn,
): string {
  const lines: string[] = [header, ''];
  const all = (pick: (s: Scores) => string) => COLUMNS.map((column) => pick(scores[column]));
  lines.push(
    row(
      '',
      COLUMNS.map((c) => `${c} (${scores[c].messages} msgs)`),
    ),
  );
  lines.push(
    row(
      'metric',
      COLUMNS.map(() => 'P     R     F1'),
    ),
  );
  lines.push(
    row(
      'fact-bearing messages',
      all((s) => prfCell(s.factBearing)),
    ),
  );
  lines.push(
    row(
      'share with facts (pred/gold)',
      all((s) => `${num(shareWithFacts(s).predicted)} / ${num(shareWithFacts(s).gold)}`),
    ),
  );
  lines.push(
    row(
      'fact types (message, type)',
      all((s) => prfCell(s.factTypes)),
    ),
  );
  lines.push(
    row(
      'entities (typed)',
      all((s) => prfCell(s.entities)),
    ),
  );
  lines.push(
    row(
      'entities (untyped)',
      all((s) => prfCell(s.entitiesUntyped)),
    ),
  );
  lines.push(
    row(
      'relations',
      all((s) => (relationsLabeledIn(s) ? prfCell(s.relations) : 'not labeled')),
    ),
  );
  lines.push(
    row(
      'fact-type accuracy',
      all((s) => `${num(typeAccuracy(s))} (${s.typeAccuracy.hits}/${s.typeAccuracy.total})`),
    ),
  );
  lines.push(
    row(
      'self-contained facts (judged)',
      COLUMNS.map((c) => selfContainedCell(selfContained[c])),
    ),
  );
  lines.push(
    row(
      'non-English skipped',
      all((s) => `${s.nonEnglish.skipped}/${s.nonEnglish.total} (${s.nonEnglish.withFacts} w/ facts)`),
    ),
  );
  lines.push(
    row(
      'extraction failures',
      all((s) => String(s.failures)),
    ),
  );
  const unlabeled = scores.total.relationsNotLabeled;
  if (unlabeled.channels)
    lines.push(
      `relations not labeled in ${unlabeled.channels} of ${scores.total.channels} channels (${unlabeled.messages} messages): left out of relation scores`,
    );
  lines.push('');
  lines.push(row('F1 by fact type', COLUMNS));
  for (const type of FACT_TYPES)
    lines.push(
      row(
        `  ${type}`,
        all((s) => f1Cell(s.factTypesByType.get(type))),
      ),
    );
  lines.push(row('F1 by entity type', COLUMNS));
  for (const type of ENTITY_TYPES)
    lines.push(
      row(
        `  ${type}`,
        all((s) => f1Cell(s.entitiesByType.get(type))),
      ),
    );
  lines.push(row('F1 by relation type', COLUMNS));
  for (const type of RELATION_TYPES)
    lines.push(
      row(
        `  ${type}`,
        all((s) => (relationsLabeledIn(s) ? f1Cell(s.relationsByType.get(type)) : 'not labeled')),
      ),
    );
  lines.push('');
  lines.push(
    `wrong merges: ${scores.total.wrongMerges.length} (dev ${scores.dev.wrongMerges.length}, held_out ${scores.held_out.wrongMerges.length})`,
  );
  for (const finding of scores.dev.wrongMerges) lines.push(`  - ${finding.description}`);
  lines.push(
    `missed merges: ${scores.total.missedMerges.length} (dev ${scores.dev.missedMerges.length}, held_out ${scores.held_out.missedMerges.length})`,
  );
  for (const finding of scores.dev.missedMerges) lines.push(`  - ${finding.description}`);
  if (scores.held_out.wrongMerges.length || scores.held_out.missedMerges.length)
    lines.push('  (held-out merges are counted, not listed)');
  lines.push('');
  lines.push(`speed: one core, ${speed.messages} messages, median of ${speed.runs} runs after a warm-up`);
  lines.push(`  extraction          ${Math.round(speed.extraction).toLocaleString('en-US')} messages/s`);
  lines.push(`  graph               ${Math.round(speed.graph).toLocaleString('en-US')} messages/s`);
  lines.push(`  extraction + graph  ${Math.round(speed.both).toLocaleString('en-US')} messages/s`);
  lines.push('');
  lines.push(row('targets', COLUMNS));
  const check = (ok: boolean, value: string) => `${ok ? 'ok  ' : 'MISS'} ${value}`;
  lines.push(
    row(
      '  entities F1 >= 0.8',
      all((s) => check(prf(s.entities).f1 >= 0.8, num(prf(s.entities).f1))),
    ),
  );
  lines.push(
    row(
      '  fact-bearing F1 >= 0.8',
      all((s) => check(prf(s.factBearing).f1 >= 0.8, num(prf(s.factBearing).f1))),
    ),
  );
  lines.push(
    row(
      '  fact-type accuracy >= 0.8',
      all((s) => check(typeAccuracy(s) >= 0.8, num(typeAccuracy(s)))),
    ),
  );
  lines.push(
    row(
      '  no wrong merges',
      all((s) => check(!s.wrongMerges.length, String(s.wrongMerges.length))),
    ),
  );
  lines.push(
    row(
      '  fact-bearing P>=.7, R>=.75',
      all((s) => {
        const { precision, recall } = prf(s.factBearing);
        return check(precision >= 0.7 && recall >= 0.75, `${num(precision)} ${num(recall)}`);
      }),
    ),
  );
  lines.push(
    row(
      '  self-contained >= 0.8',
      COLUMNS.map((c) => {
        const { judged, selfContained: yes } = selfContained[c];
        return judged ? check(yes / judged >= 0.8, num(yes / judged)) : '- (none judged)';
      }),
    ),
  );
  return lines.join('\n');
}
