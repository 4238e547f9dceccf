import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPLITS, type DatasetChannel, type Split } from './dataset';
import type { ChannelRun } from './run-channel';

/**
 * Whether a fact is self-contained is a judgment of the extractor's output, not something gold labels give:
 * `--sample-facts` draws a seeded sample of extracted facts with their messages, a person fills in
 * `self_contained`, and the judged file in eval/judgments/ is scored by every later `npm run eval`.
 */
export interface JudgedFact {
  channel: string;
  message_id: string;
  author: string | null;
  message_text: string;
  fact_type: string;
  fact_text: string;
  /** Filled in by the person judging: true, false, or null while not judged yet. */
  self_contained: boolean | null;
}

export interface JudgmentFile {
  set: string;
  split: Split;
  extractor: string;
  seed: number;
  facts: JudgedFact[];
}

export interface SelfContainedScore {
  judged: number;
  selfContained: number;
  /** Sampled facts whose `self_contained` is still null. */
  unjudged: number;
  /** Judged facts the current extractor no longer produces for their message (time to draw a new sample). */
  stale: number;
}

/** mulberry32: a small seeded generator, so a sample is the same for the same seed and extractor output. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws `count` facts (all when fewer) uniformly from the runs, in channel and message order. */
export function sampleFacts(
  runs: ReadonlyArray<{ channel: DatasetChannel; run: ChannelRun }>,
  count: number,
  seed: number,
): JudgedFact[] {
  const candidates: JudgedFact[] = [];
  for (const { channel, run } of runs) {
    const messages = new Map(channel.messages.map((message, order) => [message.id, { message, order }]));
    const authors = new Map(channel.people.map((person) => [person.id, person.name]));
    const facts = run.facts
      .filter((fact) => messages.has(fact.message_id))
      .sort((a, b) => messages.get(a.message_id)!.order - messages.get(b.message_id)!.order || a.index - b.index);
    for (const fact of facts) {
      const { message } = messages.get(fact.message_id)!;
      candidates.push({
        channel: channel.channel.name,
        message_id: message.id,
        author: authors.get(message.author_id) ?? null,
        message_text: message.text,
        fact_type: fact.type,
        fact_text: fact.text,
        self_contained: null,
      });
    }
  }
  const random = seededRandom(seed);
  const picked = candidates.map((_, i) => i);
  const size = Math.min(Math.max(0, count), candidates.length);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (picked.length - i));
    [picked[i], picked[j]] = [picked[j], picked[i]];
  }
  return picked
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((i) => candidates[i]);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function validateJudgmentFile(raw: unknown): string[] {
  if (!isObject(raw)) return ['not an object'];
  const errors: string[] = [];
  if (typeof raw.set !== 'string' || !raw.set) errors.push('set must be a set name');
  if (!SPLITS.includes(raw.split as Split)) errors.push(`split must be one of ${SPLITS.join(', ')}`);
  if (!Array.isArray(raw.facts)) return [...errors, 'facts must be an array'];
  raw.facts.forEach((fact, i) => {
    const ok =
      isObject(fact) &&
      typeof fact.message_id === 'string' &&
      typeof fact.fact_text === 'string' &&
      (fact.self_contained === null || typeof fact.self_contained === 'boolean');
    if (!ok) errors.push(`facts[${i}] needs message_id, fact_text and self_contained (true, false or null)`);
  });
  return errors;
}

/** Reads every `*.json` of the judgments folder (none is fine: nothing has been judged yet). */
export function loadJudgments(dir: string): { files: JudgmentFile[]; errors: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return { files: [], errors: [] };
  }
  const files: JudgmentFile[] = [];
  const errors: string[] = [];
  for (const name of names.sort()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      errors.push(`${name}: not JSON (${(error as Error).message})`);
      continue;
    }
    const problems = validateJudgmentFile(parsed);
    errors.push(...problems.map((problem) => `${name}: ${problem}`));
    if (!problems.length) files.push(parsed as JudgmentFile);
  }
  return { files, errors };
}

/**
 * The share of judged facts that are self-contained, over the judgment files of one set and split.
 * `produced` holds, per message id, the fact texts the current extractor gives, to count stale judgments.
 */
export function scoreJudgments(
  files: readonly JudgmentFile[],
  set: string,
  split: Split,
  produced: ReadonlyMap<string, ReadonlySet<string>>,
): SelfContainedScore {
  const score: SelfContainedScore = { judged: 0, selfContained: 0, unjudged: 0, stale: 0 };
  for (const file of files) {
    if (file.set !== set || file.split !== split) continue;
    for (const fact of file.facts) {
      if (fact.self_contained === null) {
        score.unjudged++;
        continue;
      }
      score.judged++;
      if (fact.self_contained) score.selfContained++;
      if (!produced.get(fact.message_id)?.has(fact.fact_text)) score.stale++;
    }
  }
  return score;
}

/** Fact texts per message id, as the runs produced them. */
export function producedFacts(runs: ReadonlyArray<{ run: ChannelRun }>): Map<string, Set<string>> {
  const produced = new Map<string, Set<string>>();
  for (const { run } of runs)
    for (const fact of run.facts) {
      let texts = produced.get(fact.message_id);
      if (!texts) produced.set(fact.message_id, (texts = new Set()));
      texts.add(fact.text);
    }
  return produced;
}
