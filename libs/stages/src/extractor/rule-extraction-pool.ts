import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import type { AtlasConfig } from '@atlas/config';
import type { NormalizedMessage } from '@atlas/events';
import { extractFacts, type ExtractionContext, type ExtractionResult } from '@atlas/knowledge';
import { ATLAS_CONFIG } from '@atlas/runtime';
import type { ExtractionTask } from './extraction-worker';

/** A thread idle this long is ended; the next batch starts one again (a thread costs ~100 ms to start). */
const IDLE_TIMEOUT_MS = 60_000;

/**
 * The local rules, run on worker threads (piscina) so that a batch's extraction — hundreds of milliseconds
 * of NLP — never holds the event loop that serves the API and moves events, and runs beside it on another
 * core. ATLAS_EXTRACTION_THREADS=0 runs it on that loop instead.
 */
@Injectable()
export class RuleExtractionPool implements OnModuleDestroy {
  private readonly pool: Piscina<ExtractionTask, ExtractionResult> | null;

  constructor(@Inject(ATLAS_CONFIG) config: AtlasConfig) {
    this.pool =
      config.extractionThreads === 0
        ? null
        : new Piscina({
            filename: workerScript(),
            minThreads: 0,
            maxThreads: config.extractionThreads,
            idleTimeout: IDLE_TIMEOUT_MS,
          });
    new Logger('RuleExtractionPool').log(
      this.pool === null
        ? 'local extraction on the event loop'
        : `local extraction on ${config.extractionThreads} thread(s)`,
    );
  }

  async extract(
    messages: NormalizedMessage[],
    context: ExtractionContext,
    signal: AbortSignal,
  ): Promise<ExtractionResult> {
    if (this.pool === null) return extractFacts(messages, context);
    return this.pool.run({ messages, context }, { signal });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close({ force: true });
  }
}

/**
 * The built worker script. Built code finds it beside itself; the TypeScript sources (as jest runs them)
 * use the build `npm test` makes first, since a worker thread runs JavaScript.
 */
function workerScript(): string {
  const beside = join(__dirname, 'extraction-worker.js');
  if (existsSync(beside)) return beside;
  const built = resolve(__dirname, '../../../../dist/libs/stages/src/extractor/extraction-worker.js');
  if (existsSync(built)) return built;
  throw new Error(
    `the extraction worker is not built (${built}): run \`nest build atlas\`, or set ATLAS_EXTRACTION_THREADS=0`,
  );
}
