import type { EntityType, FactType, RelationType } from '@atlas/events';
import { relationsLabeled, SPLITS, type DatasetChannel, type Split } from './dataset';
import type { ChannelRun } from './run-channel';
import {
  addCounts,
  ChannelNames,
  emptyCounts,
  resolutionFindings,
  scoreMessage,
  type Counts,
  type MergeFinding,
  type Occurrence,
  type PredictedEntity,
  type PredictedMessage,
} from './scoring';

export interface Scores {
  channels: number;
  messages: number;
  factBearing: Counts;
  factTypes: Counts;
  factTypesByType: Map<FactType, Counts>;
  typeAccuracy: { hits: number; total: number };
  entities: Counts;
  entitiesUntyped: Counts;
  entitiesByType: Map<EntityType, Counts>;
  relations: Counts;
  relationsByType: Map<RelationType, Counts>;
  /** Channels (and their messages) left out of relation scores because their relations were not labelled. */
  relationsNotLabeled: { channels: number; messages: number };
  nonEnglish: { total: number; skipped: number; withFacts: number };
  failures: number;
  wrongMerges: MergeFinding[];
  missedMerges: MergeFinding[];
}

export interface MessageReport {
  channel: string;
  messageId: string;
  text: string;
  mismatches: string[];
}

export const emptyScores = (): Scores => ({
  channels: 0,
  messages: 0,
  factBearing: emptyCounts(),
  factTypes: emptyCounts(),
  factTypesByType: new Map(),
  typeAccuracy: { hits: 0, total: 0 },
  entities: emptyCounts(),
  entitiesUntyped: emptyCounts(),
  entitiesByType: new Map(),
  relations: emptyCounts(),
  relationsByType: new Map(),
  relationsNotLabeled: { channels: 0, messages: 0 },
  nonEnglish: { total: 0, skipped: 0, withFacts: 0 },
  failures: 0,
  wrongMerges: [],
  missedMerges: [],
});

function addByType<K>(into: Map<K, Counts>, add: ReadonlyMap<K, Counts>): void {
  for (const [key, counts] of add) {
    let target = into.get(key);
    if (!target) into.set(key, (target = emptyCounts()));
    addCounts(target, counts);
  }
}

/** What the run predicted for each message: fact types, and the facts' entities and relations merged. */
export function predictionsByMessage(run: ChannelRun): Map<string, PredictedMessage> {
  const graphNames = (id: string) => {
    const entity = run.graph.get(id);
    return entity ? [entity.name, ...entity.aliases] : [];
  };
  const byMessage = new Map<string, PredictedMessage>();
  for (const fact of [...run.facts].sort((a, b) => a.index - b.index)) {
    let predicted = byMessage.get(fact.message_id);
    if (!predicted)
      byMessage.set(fact.message_id, (predicted = { factTypes: [], entities: [], relations: [], skipped: false }));
    predicted.factTypes.push(fact.type);
    for (const entity of fact.entities) {
      if (predicted.entities.some((known) => known.key === entity.key)) continue;
      const graphId = run.entityOfKey.get(entity.key) ?? entity.key;
      const summary: PredictedEntity = {
        key: entity.key,
        name: entity.name,
        type: entity.type,
        graphId,
        graphNames: graphNames(graphId),
      };
      predicted.entities.push(summary);
    }
    for (const relation of fact.relations)
      if (
        !predicted.relations.some(
          (r) => r.source === relation.source && r.type === relation.type && r.target === relation.target,
        )
      )
        predicted.relations.push({ source: relation.source, type: relation.type, target: relation.target });
  }
  for (const id of run.skipped) {
    const predicted = byMessage.get(id);
    if (predicted) predicted.skipped = true;
    else byMessage.set(id, { factTypes: [], entities: [], relations: [], skipped: true });
  }
  return byMessage;
}

/** Scores one channel's run into `scores`; returns the per-message mismatches. */
export function scoreChannel(channel: DatasetChannel, run: ChannelRun, scores: Scores): MessageReport[] {
  const names = new ChannelNames(channel);
  const predictions = predictionsByMessage(run);
  const reports: MessageReport[] = [];
  const occurrences: Occurrence[] = [];
  const withRelations = relationsLabeled(channel);
  scores.channels++;
  scores.failures += run.failures.length;
  if (!withRelations) {
    scores.relationsNotLabeled.channels++;
    scores.relationsNotLabeled.messages += channel.messages.length;
  }
  for (const message of channel.messages) {
    const predicted = predictions.get(message.id) ?? { factTypes: [], entities: [], relations: [], skipped: false };
    const score = scoreMessage(message, predicted, names, withRelations);
    scores.messages++;
    addCounts(scores.factBearing, score.factBearing);
    addCounts(scores.factTypes, score.factTypes);
    addByType(scores.factTypesByType, score.factTypesByType);
    if (score.primaryTypeHit !== null) {
      scores.typeAccuracy.total++;
      if (score.primaryTypeHit) scores.typeAccuracy.hits++;
    }
    addCounts(scores.entities, score.entities);
    addCounts(scores.entitiesUntyped, score.entitiesUntyped);
    addByType(scores.entitiesByType, score.entitiesByType);
    addCounts(scores.relations, score.relations);
    addByType(scores.relationsByType, score.relationsByType);
    if (message.expected.language) {
      scores.nonEnglish.total++;
      if (predicted.skipped) scores.nonEnglish.skipped++;
      if (predicted.factTypes.length) scores.nonEnglish.withFacts++;
    }
    for (const entity of predicted.entities)
      occurrences.push({
        name: entity.name,
        type: entity.type,
        graphId: entity.graphId,
        canonical: score.canonicalOfKey.get(entity.key) ?? null,
      });
    if (score.mismatches.length)
      reports.push({
        channel: channel.channel.name,
        messageId: message.id,
        text: message.text,
        mismatches: score.mismatches,
      });
  }
  const findings = resolutionFindings(channel, names, occurrences, [...run.graph.values()]);
  const where = (finding: MergeFinding) => ({ description: `#${channel.channel.name}: ${finding.description}` });
  scores.wrongMerges.push(...findings.wrong.map(where));
  scores.missedMerges.push(...findings.missed.map(where));
  return reports;
}

export function mergeScores(parts: readonly Scores[]): Scores {
  const total = emptyScores();
  for (const part of parts) {
    total.channels += part.channels;
    total.messages += part.messages;
    for (const key of ['factBearing', 'factTypes', 'entities', 'entitiesUntyped', 'relations'] as const)
      addCounts(total[key], part[key]);
    addByType(total.factTypesByType, part.factTypesByType);
    addByType(total.entitiesByType, part.entitiesByType);
    addByType(total.relationsByType, part.relationsByType);
    total.relationsNotLabeled.channels += part.relationsNotLabeled.channels;
    total.relationsNotLabeled.messages += part.relationsNotLabeled.messages;
    total.typeAccuracy.hits += part.typeAccuracy.hits;
    total.typeAccuracy.total += part.typeAccuracy.total;
    total.nonEnglish.total += part.nonEnglish.total;
    total.nonEnglish.skipped += part.nonEnglish.skipped;
    total.nonEnglish.withFacts += part.nonEnglish.withFacts;
    total.failures += part.failures;
    total.wrongMerges.push(...part.wrongMerges);
    total.missedMerges.push(...part.missedMerges);
  }
  return total;
}

export type ScoresBySplit = Record<Split | 'total', Scores>;

/** Scores each channel's run into its split and sums the splits; returns the dev split's mismatches only. */
export function scoreSplits(runs: ReadonlyArray<{ channel: DatasetChannel; run: ChannelRun }>): {
  scores: ScoresBySplit;
  devReports: MessageReport[];
} {
  const bySplit = Object.fromEntries(SPLITS.map((split) => [split, emptyScores()])) as Omit<ScoresBySplit, 'total'>;
  const devReports: MessageReport[] = [];
  for (const { channel, run } of runs) {
    const reports = scoreChannel(channel, run, bySplit[channel.split]);
    if (channel.split === 'dev') devReports.push(...reports);
  }
  return { scores: { ...bySplit, total: mergeScores(SPLITS.map((split) => bySplit[split])) }, devReports };
}

/** Share of messages with at least one fact: as predicted and as labelled. */
export function shareWithFacts(scores: Scores): { predicted: number; gold: number } {
  const { tp, fp, fn } = scores.factBearing;
  if (!scores.messages) return { predicted: 0, gold: 0 };
  return { predicted: (tp + fp) / scores.messages, gold: (tp + fn) / scores.messages };
}
