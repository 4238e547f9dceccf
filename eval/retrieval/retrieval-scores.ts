/** How well one answer's cited messages (best first) find the messages that answer its question. */
export interface QuestionScore {
  recallAt5: number;
  recallAt10: number;
  /** 1 / the rank of the first answering message among the cited ones; 0 when none is cited. */
  reciprocalRank: number;
  answered: boolean;
  cited: number;
}

export function scoreQuestion(cited: readonly string[], answers: readonly string[], answered: boolean): QuestionScore {
  const wanted = new Set(answers);
  const recallAt = (k: number) => cited.slice(0, k).filter((id) => wanted.has(id)).length / wanted.size;
  const first = cited.findIndex((id) => wanted.has(id));
  return {
    recallAt5: recallAt(5),
    recallAt10: recallAt(10),
    reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
    answered,
    cited: cited.length,
  };
}

export interface RetrievalSummary {
  questions: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  /** Share of the questions answered (answered: true). */
  answered: number;
  meanCited: number;
}

export function summarize(scores: readonly QuestionScore[]): RetrievalSummary {
  const mean = (pick: (score: QuestionScore) => number) =>
    scores.length === 0 ? 0 : scores.reduce((sum, score) => sum + pick(score), 0) / scores.length;
  return {
    questions: scores.length,
    recallAt5: mean((score) => score.recallAt5),
    recallAt10: mean((score) => score.recallAt10),
    mrr: mean((score) => score.reciprocalRank),
    answered: mean((score) => (score.answered ? 1 : 0)),
    meanCited: mean((score) => score.cited),
  };
}
