import { resolve } from 'node:path';
import { EXTRACTOR_VERSION } from '@atlas/knowledge';
import { loadDataset, SPLITS, type DatasetChannel } from './dataset';
import { emptyScores, mergeScores, scoreChannel, type MessageReport, type ScoresBySplit } from './evaluate';
import { formatReport, type Speed } from './report';
import { runChannel, toNormalizedMessages } from './run-channel';

/**
 * `npm run eval`: runs the rules extractor and the graph builder over the labelled chat in eval/dataset and
 * prints how well they agree with the labels, per split, and how fast they are on one core. It measures; it
 * does not judge: the exit code is 0 whatever the scores, and non-zero only when the dataset is malformed.
 *
 *   npm run eval -- --verbose     per-message mismatches of the dev split (never of the held-out split)
 *   npm run eval -- --runs 9      timed passes for the speed figures (default 5)
 *   npm run eval -- --dataset d   another dataset folder (default eval/dataset)
 */
function main(): number {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const verbose = args.includes('--verbose');
  const runs = Math.max(1, Number(option('--runs') ?? 5) || 5);
  const dir = resolve(option('--dataset') ?? 'eval/dataset');

  const { channels, errors } = loadDataset(dir);
  if (errors.length) {
    console.error(`malformed dataset in ${dir}:`);
    for (const error of errors) console.error(`  ${error}`);
    return 1;
  }

  const inputs = channels.map((channel) => ({ channel, messages: toNormalizedMessages(channel) }));
  // The first pass is the warm-up (model load, JIT) and the one scored: the extractor is deterministic.
  const firstPass = inputs.map(({ channel, messages }) => ({ channel, run: runChannel(channel, messages) }));

  const bySplit = Object.fromEntries(SPLITS.map((split) => [split, emptyScores()])) as Omit<ScoresBySplit, 'total'>;
  const devReports: MessageReport[] = [];
  for (const { channel, run } of firstPass) {
    const reports = scoreChannel(channel, run, bySplit[channel.split]);
    if (channel.split === 'dev') devReports.push(...reports);
  }
  const scores: ScoresBySplit = { ...bySplit, total: mergeScores(SPLITS.map((split) => bySplit[split])) };

  const speed = measureSpeed(inputs, runs);
  console.log(formatReport(header(channels), scores, speed));
  if (verbose) printMismatches(devReports);
  return 0;
}

function header(channels: readonly DatasetChannel[]): string {
  const count = (split: string) => channels.filter((c) => c.split === split);
  const messages = (list: readonly DatasetChannel[]) => list.reduce((sum, c) => sum + c.messages.length, 0);
  const describe = (split: string) =>
    `${split}: ${count(split)
      .map((c) => `#${c.channel.name}`)
      .join(' ')} (${messages(count(split))} messages)`;
  return [
    `Atlas Sync knowledge eval · extractor ${EXTRACTOR_VERSION} · ${channels.length} channels, ${messages(channels)} messages`,
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

function printMismatches(reports: readonly MessageReport[]): void {
  console.log(`\nmismatches in the dev split (${reports.length} messages):`);
  for (const report of reports) {
    const text = report.text.length > 110 ? `${report.text.slice(0, 107)}...` : report.text;
    console.log(`\n#${report.channel} ${report.messageId}: ${text.replace(/\s+/g, ' ')}`);
    for (const mismatch of report.mismatches) console.log(`    ${mismatch}`);
  }
}

process.exitCode = main();
