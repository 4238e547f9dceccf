import { loadConfig } from '@atlas/config';
import { AskService, citedMessages, FactViewsService, SearchService } from '@atlas/gateway';
import { ChannelsQueries, KnowledgeReadQueries, SearchQueries } from '@atlas/read-models';
import { SPLITS, type DatasetChannel, type Split } from '../dataset';
import { projectChannel } from './project-channel';
import type { QuestionFile } from './questions';
import { scoreQuestion, summarize, type QuestionScore, type RetrievalSummary } from './retrieval-scores';

export interface RetrievalReport {
  bySplit: Map<Split, RetrievalSummary>;
  /** Dev questions whose answering messages were not all among the first 10 cited (never held-out ones). */
  devMisses: Array<{ question: string; channel: string; terms: string[]; answers: string[]; cited: string[] }>;
}

/**
 * Each day sample a question names is synced into a store of its own (project-channel.ts) and asked each of its
 * questions through the AskService the API runs (no LLM: the facts and wiki sections alone), restricted to its
 * channel. The messages the answer cites, in rank order, are scored against the question's answering messages.
 */
export async function runRetrieval(
  channels: readonly DatasetChannel[],
  files: readonly QuestionFile[],
): Promise<RetrievalReport> {
  const config = loadConfig({ ATLAS_DEMO: 'false' });
  const scores = new Map<Split, QuestionScore[]>(SPLITS.map((split) => [split, []]));
  const devMisses: RetrievalReport['devMisses'] = [];
  for (const channel of channels) {
    const questions = files
      .filter((file) => file.split === channel.split)
      .flatMap((file) => file.questions.filter((question) => question.channel === channel.channel.name));
    if (questions.length === 0) continue;
    const projected = await projectChannel(channel);
    try {
      const search = new SearchQueries(projected.store);
      const knowledge = new KnowledgeReadQueries(projected.store);
      const ask = new AskService(
        new ChannelsQueries(projected.store),
        new SearchService(search),
        search,
        new FactViewsService(knowledge),
        knowledge,
        { llm: null, outboundUrls: config.outboundUrls },
      );
      for (const question of questions) {
        const answer = await ask.ask({ question: question.question, channel_ids: [projected.channelId] });
        const cited = citedMessages(answer);
        const score = scoreQuestion(cited, question.answers, answer.answered);
        scores.get(channel.split)!.push(score);
        if (channel.split === 'dev' && score.recallAt10 < 1) {
          devMisses.push({
            question: question.question,
            channel: question.channel,
            terms: answer.terms,
            answers: question.answers,
            cited,
          });
        }
      }
    } finally {
      await projected.close();
    }
  }
  return { bySplit: new Map([...scores].map(([split, list]) => [split, summarize(list)])), devMisses };
}

export function formatRetrieval(report: RetrievalReport): string {
  const figure = (value: number) => value.toFixed(3);
  const lines = [
    'retrieval (POST /api/ask, no LLM): answering messages among the cited sources',
    `  ${'split'.padEnd(10)}${'questions'.padStart(10)}${'recall@5'.padStart(10)}${'recall@10'.padStart(11)}${'MRR'.padStart(8)}${'answered'.padStart(10)}${'cited'.padStart(8)}`,
  ];
  for (const [split, summary] of report.bySplit) {
    if (summary.questions === 0) continue;
    lines.push(
      `  ${split.padEnd(10)}${String(summary.questions).padStart(10)}${figure(summary.recallAt5).padStart(10)}` +
        `${figure(summary.recallAt10).padStart(11)}${figure(summary.mrr).padStart(8)}` +
        `${figure(summary.answered).padStart(10)}${summary.meanCited.toFixed(1).padStart(8)}`,
    );
  }
  const heldOut = report.bySplit.get('held_out');
  if (heldOut && heldOut.questions > 0) {
    lines.push(`  target: recall@10 >= 0.8 on held_out: ${heldOut.recallAt10 >= 0.8 ? 'ok' : 'MISS'}`);
  }
  return lines.join('\n');
}
