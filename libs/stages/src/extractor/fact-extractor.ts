import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AtlasConfig } from '@atlas/config';
import type { ExtractorRun, NormalizedMessage } from '@atlas/events';
import { EXTRACTOR_VERSION, LLM_EXTRACTOR_VERSION, LlmFactExtractor, rejectionSummary } from '@atlas/knowledge';
import type { ExtractionContext, ExtractionResult } from '@atlas/knowledge';
import { ATLAS_CONFIG } from '@atlas/runtime';
import { KnowledgeWorkerPool } from '../knowledge-workers/knowledge-worker-pool';

export interface ExtractedBatch {
  result: ExtractionResult;
  run: ExtractorRun;
}

/**
 * The extractor this process runs: the local rules, or the configured LLM endpoint, which hands any
 * request it cannot answer well back to the local rules.
 */
@Injectable()
export class FactExtractor {
  private readonly llm: LlmFactExtractor | null;
  private readonly logger = new Logger('FactExtractor');

  constructor(
    @Inject(ATLAS_CONFIG) config: AtlasConfig,
    private readonly workers: KnowledgeWorkerPool,
  ) {
    this.llm =
      config.llm === null ? null : new LlmFactExtractor({ ...config.llm, outboundPolicy: config.outboundUrls });
    if (config.llm !== null) {
      new Logger('FactExtractor').log(`LLM extraction on: ${config.llm.model} at ${config.llm.baseUrl}`);
    }
  }

  async extract(
    messages: NormalizedMessage[],
    context: ExtractionContext,
    signal: AbortSignal,
  ): Promise<ExtractedBatch> {
    if (this.llm !== null) {
      const extraction = await this.llm.extract(messages, context, signal);
      // Facts that break the prompt's rules are dropped (fact-checks.ts); how often shows how well the model follows it.
      if (extraction.rejected.length > 0) {
        this.logger.warn(`channel ${context.channel_id}: ${rejectionSummary(extraction.rejected)}`);
      }
      return extraction;
    }
    return {
      result: await this.workers.extract(messages, context, signal),
      run: { extractor: 'rules', fallback_reason: null, prompt_tokens: 0, completion_tokens: 0 },
    };
  }

  /** The batch's extractor version: a batch the LLM handed back entirely is the local rules' work. */
  versionOf(run: ExtractorRun): string {
    return run.extractor === 'llm' ? LLM_EXTRACTOR_VERSION : EXTRACTOR_VERSION;
  }
}
