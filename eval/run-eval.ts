import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { EXTRACTOR_VERSION } from '@atlas/knowledge';
import { loadDataset, SPLITS, type DatasetChannel, type Split } from './dataset';
import { scoreSplits, type MessageReport } from './evaluate';
import { loadJudgments, producedFacts, sampleFacts, scoreJudgments, type JudgmentFile } from './judgments';
import { formatReport, type SelfContainedByColumn, type Speed } from './report';
import { loadQuestions } from './retrieval/questions';
import { formatRetrieval, runRetrieval } from './retrieval/run-retrieval';
import { runChannel, toNormalizedMessages, type ChannelRun } from './run-channel';
import { EVAL_SETS, type EvalSet } from './sets';

/**
 * `npm run eval`: runs the rules extractor and the graph builder over each labelled set (eval/sets.ts) and
 * prints how well they agree with the labels, per set and split, and how fast they are on one core. It
 * measures; it does not judge: the exit code is 0 whatever the scores, and non-zero only on malformed input.
 *
 *   npm run eval -- --verbose     per-message mismatches of the dev splits (never of a held-out split)
 *   npm run eval -- --runs 9      timed passes for the speed figures (default 5)
 *   npm run eval -- --set NAME    one set only (ubuntu-irc, brightwave)
 *   npm run eval -- --dataset d   another dataset folder, scored as the only set
 *   npm run eval -- --sample-facts 40 --set NAME --split dev|held_out [--seed 1] [--out file.json]
 *                                 a seeded sample of extracted facts to judge for self-containedness
 *   npm run eval -- --retrieval-only   only the retrieval section (questions of eval/questions, or --questions DIR)
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const dataset = option('--dataset');
  const setName = option('--set');
  let sets: EvalSet[] = dataset
    ? [{ name: basename(resolve(dataset)), dir: dataset, description: 'from --dataset', required: true }]
    : [...EVAL_SETS];
  if (setName) sets = sets.filter((set) => set.name === setName);
  if (!sets.length) return fail(`unknown set ${setName}; sets: ${EVAL_SETS.map((set) => set.name).join(', ')}`);

  const sampleSize = option('--sample-facts');
  if (sampleSize !== undefined)
    return sample(sets, Number(sampleSize), option('--split'), option('--seed'), option('--out'));

  const judgmentsDir = resolve(option('--judgments') ?? 'eval/judgments');
  const judgments = loadJudgments(judgmentsDir);
  if (judgments.errors.length) return fail(`malformed judgments in ${judgmentsDir}:`, judgments.errors);
  const runs = Math.max(1, Number(option('--runs') ?? 5) || 5);
  console.log(`Atlas Sync knowledge eval · extractor ${EXTRACTOR_VERSION}`);
  const questionsDir = resolve(option('--questions') ?? 'eval/questions');
  for (const set of sets) {
    const verbose = args.includes('--verbose');
    const status = args.includes('--retrieval-only') ? 0 : scoreSet(set, runs, judgments.files, verbose);
    if (status) return status;
    const retrieval = await scoreRetrieval(set, questionsDir, verbose);
    if (retrieval) return retrieval;
  }
  return 0;
}

/** The retrieval section of a set that has question files: POST /api/ask over each synced day sample. */
async function scoreRetrieval(set: EvalSet, questionsDir: string, verbose: boolean): Promise<number> {
  const loaded = loadSet(set);
  if ('status' in loaded) return loaded.status;
  const { files, errors } = loadQuestions(questionsDir, set.name, loaded.channels);
  if (errors.length) return fail(`malformed questions in ${questionsDir}:`, errors);
  if (files.length === 0) return 0;
  const report = await runRetrieval(loaded.channels, files);
  console.log(`\n${formatRetrieval(report)}`);
  if (verbose) {
    console.log(`\ndev questions not fully answered within the first 10 cited (${report.devMisses.length}):`);
    for (const miss of report.devMisses) {
      console.log(`\n#${miss.channel} ${miss.question} [${miss.terms.join(' ')}]`);
      console.log(`    answers: ${miss.answers.join(' ')}`);
      console.log(`    cited:   ${miss.cited.slice(0, 10).join(' ') || '(none)'}`);
    }
  }
  return 0;
}

function fail(message: string, details: readonly string[] = []): number {
  console.error(message);
  for (const detail of details) console.error(`  ${detail}`);
  return 1;
}

/** The set's channels, or the exit status (after saying why) when it has none or is malformed. */
function loadSet(set: EvalSet): { channels: DatasetChannel[] } | { status: number } {
  const dir = resolve(set.dir);
  const hasFiles = existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.json'));
  if (!hasFiles && !set.required) {
    console.log(`\n== set ${set.name} · ${set.description}\nno labelled files in ${set.dir} yet: not scored`);
    return { status: 0 };
  }
  const { channels, errors } = loadDataset(dir);
  return errors.length ? { status: fail(`malformed dataset in ${dir}:`, errors) } : { channels };
}

function scoreSet(set: EvalSet, runs: number, judgments: readonly JudgmentFile[], verbose: boolean): number {
  const loaded = loadSet(set);
  if ('status' in loaded) return loaded.status;
  const inputs = loaded.channels.map((channel) => ({ channel, messages: toNormalizedMessages(channel) }));
  // The first pass is the warm-up (model load, JIT) and the one scored: the extractor is deterministic.
  const firstPass = inputs.map(({ channel, messages }) => ({ channel, run: runChannel(channel, messages) }));
  const { scores, devReports } = scoreSplits(firstPass);

  const produced = producedFacts(firstPass);
  const judged = (split: Split) => scoreJudgments(judgments, set.name, split, produced);
  const dev = judged('dev');
  const heldOut = judged('held_out');
  const selfContained: SelfContainedByColumn = {
    dev,
    held_out: heldOut,
    total: {
      judged: dev.judged + heldOut.judged,
      selfContained: dev.selfContained + heldOut.selfContained,
      unjudged: dev.unjudged + heldOut.unjudged,
      stale: dev.stale + heldOut.stale,
    },
  };
  console.log('\n' + formatReport(header(set, loaded.channels), scores, measureSpeed(inputs, runs), selfContained));
  if (verbose) printMismatches(set, devReports);
  return 0;
}

/** `--sample-facts`: dev samples go to stdout unless --out is given; held-out samples only ever to a file. */
function sample(sets: EvalSet[], count: number, split?: string, seed?: string, out?: string): number {
  if (sets.length !== 1) return fail('--sample-facts needs one set: --set NAME (or --dataset DIR)');
  if (!Number.isInteger(count) || count < 1) return fail('--sample-facts needs a positive whole number');
  if (!SPLITS.includes(split as Split)) return fail(`--sample-facts needs --split ${SPLITS.join('|')}`);
  if (split === 'held_out' && !out) return fail('held-out samples are written to a file (--out), never printed');
  const seedValue = Number(seed ?? 1);
  if (!Number.isInteger(seedValue)) return fail('--seed must be a whole number');
  const loaded = loadSet(sets[0]);
  if ('status' in loaded) return loaded.status || fail(`set ${sets[0].name} has no labelled files`);
  const runs: Array<{ channel: DatasetChannel; run: ChannelRun }> = loaded.channels
    .filter((channel) => channel.split === split)
    .map((channel) => ({ channel, run: runChannel(channel, toNormalizedMessages(channel)) }));
  const facts = sampleFacts(runs, count, seedValue);
  const file = { set: sets[0].name, split, extractor: EXTRACTOR_VERSION, seed: seedValue, facts };
  const json = JSON.stringify(file, null, 1) + '\n';
  if (!out) {
    process.stdout.write(json);
    return 0;
  }
  if (existsSync(out)) return fail(`${out} exists: judgments are never overwritten; choose another --out`);
  writeFileSync(out, json);
  console.log(`${facts.length} facts of ${sets[0].name} ${split} (seed ${seedValue}) written to ${out}`);
  return 0;
}

function header(set: EvalSet, channels: readonly DatasetChannel[]): string {
  const count = (split: string) => channels.filter((c) => c.split === split);
  const messages = (list: readonly DatasetChannel[]) => list.reduce((sum, c) => sum + c.messages.length, 0);
  const describe = (split: string) =>
    `${split}: ${count(split)
      .map((c) => `#${c.channel.name}`)
      .join(' ')} (${messages(count(split))} messages)`;
  return [
    `== set ${set.name} · ${set.description} · ${channels.length} channels, ${messages(channels)} messages`,
    ...SPLITS.map(describe),
  ].join('\n');
}

function measureSpeed(
  inputs: ReadonlyArray<{ channel: DatasetChannel; messages: ReturnType<typeof toNormalizedMessages> }>,
  runs: number,
): Speed {
  const messages = inputs.reduce((sum, input) => sum + input.messages.length, 0);
  const rates = { extraction: [] as number[], graph: [] as number[], both: [] as number[] };
  for (let i = 0; i < runs; i++) {
    let extractMs = 0;
    let graphMs = 0;
    for (const { channel, messages: list } of inputs) {
      const run = runChannel(channel, list);
      extractMs += run.extractMs;
      graphMs += run.graphMs;
    }
    rates.extraction.push((messages * 1000) / extractMs);
    rates.graph.push((messages * 1000) / graphMs);
    rates.both.push((messages * 1000) / (extractMs + graphMs));
  }
  return { runs, messages, extraction: median(rates.extraction), graph: median(rates.graph), both: median(rates.both) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function printMismatches(set: EvalSet, reports: readonly MessageReport[]): void {
  console.log(`\nmismatches in the dev split of ${set.name} (${reports.length} messages):`);
  for (const report of reports) {
    const text = report.text.length > 110 ? `${report.text.slice(0, 107)}...` : report.text;
    console.log(`\n#${report.channel} ${report.messageId}: ${text.replace(/\s+/g, ' ')}`);
    for (const mismatch of report.mismatches) console.log(`    ${mismatch}`);
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
