import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import type { AtlasConfig } from '@atlas/config';
import type { NormalizedMessage, WikiPage } from '@atlas/events';
import type { ExtractionContext, ExtractionResult, WikiInput } from '@atlas/knowledge';
import { ATLAS_CONFIG } from '@atlas/runtime';
import { extract, generateWiki, type ExtractionTask } from './knowledge-worker';

/** A thread idle this long is ended; the next task starts one again (a thread costs ~100 ms to start). */
const IDLE_TIMEOUT_MS = 60_000;

/**
 * The CPU-heavy work of the stages — a batch's local extraction (hundreds of milliseconds of NLP) and a
 * channel's wiki pages (seconds on a big channel) — run on worker threads (piscina), so that it never holds
 * the event loop that serves the API and moves events, and runs beside it on another core. One pool per
 * process, shared by the stages it runs; ATLAS_WORKER_THREADS=0 runs the work on the event loop instead.
 */
@Injectable()
export class KnowledgeWorkerPool implements OnModuleDestroy {
  private readonly pool: Piscina | null;

  constructor(@Inject(ATLAS_CONFIG) config: AtlasConfig) {
    this.pool =
      config.workerThreads === 0
        ? null
        : new Piscina({
            filename: workerScript(),
            minThreads: 0,
            maxThreads: config.workerThreads,
            idleTimeout: IDLE_TIMEOUT_MS,
          });
    new Logger('KnowledgeWorkerPool').log(
      this.pool === null
        ? 'extraction and wiki pages on the event loop'
        : `extraction and wiki pages on ${config.workerThreads} worker thread(s)`,
    );
  }

  async extract(
    messages: NormalizedMessage[],
    context: ExtractionContext,
    signal: AbortSignal,
  ): Promise<ExtractionResult> {
    // In place or on a thread, the same function does the work.
    const task: ExtractionTask = { messages, context };
    if (this.pool === null) return extract(task);
    return this.pool.run(task, { name: extract.name, signal });
  }

  async generateWiki(input: WikiInput, signal: AbortSignal): Promise<WikiPage[]> {
    if (this.pool === null) return generateWiki(input);
    return this.pool.run(input, { name: generateWiki.name, signal });
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
  const beside = join(__dirname, 'knowledge-worker.js');
  if (existsSync(beside)) return beside;
  const built = resolve(__dirname, '../../../../dist/libs/stages/src/knowledge-workers/knowledge-worker.js');
  if (existsSync(built)) return built;
  throw new Error(
    `the knowledge worker is not built (${built}): run \`nest build atlas\`, or set ATLAS_WORKER_THREADS=0`,
  );
}
