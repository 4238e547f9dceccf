import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { Logger } from '@nestjs/common';
import { jobsInProgress } from '@atlas/common';

const CHECK_EVERY_MS = 500;
/** Share of the old generation's limit in use at which the watch warns once... */
export const HEAP_WARN_RATIO = 0.85;
/** ...and below which it may warn again. */
const HEAP_REARM_RATIO = 0.75;
const MIB = 2 ** 20;
const YOUNG_SPACES = new Set(['new_space', 'new_large_object_space']);

/**
 * Warns before V8 runs out of heap. A process at its heap limit first freezes in back-to-back full
 * garbage collections, then aborts with "JavaScript heap out of memory", which no JavaScript handler
 * can catch or log: this line, with the jobs in progress, is the last word such a process can say.
 * It cannot speak while the event loop is blocked by synchronous work, so the fatal-error report and
 * the supervisor's line stay the safety net. Reading the statistics costs microseconds; the timer does
 * not keep the process alive.
 */
export function watchHeap(service: string): () => void {
  const log = new Logger('HeapWatch');
  const limit = oldGenerationLimit();
  let warned = false;
  const timer = setInterval(() => {
    const used = oldGenerationUsed();
    const ratio = used / limit;
    if (!warned && ratio >= HEAP_WARN_RATIO) {
      warned = true;
      log.warn(
        `${service} uses ${Math.round(ratio * 100)}% of its ${Math.round(limit / MIB)} MiB JavaScript heap: ` +
          `near the limit it freezes in garbage collection and then dies with "JavaScript heap out of memory"; ` +
          `raise it with NODE_OPTIONS=--max-old-space-size=<MiB> (see docs/OPERATIONS.md)`,
        {
          reason: 'heap_near_limit',
          heap_used_bytes: used,
          heap_limit_bytes: limit,
          jobs_in_progress: jobsInProgress.list(),
        },
      );
    } else if (warned && ratio < HEAP_REARM_RATIO) {
      warned = false;
    }
  }, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** What V8 runs out of: everything but the young generation, whose survivors move there. */
function oldGenerationUsed(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (!YOUNG_SPACES.has(space.space_name)) used += space.space_used_size;
  return used;
}

/**
 * The old generation's limit: --max-old-space-size when given (command line over NODE_OPTIONS, as Node
 * reads them). Otherwise V8 sized the heap from the machine's (or the container's) memory, and
 * heap_size_limit, which adds a young generation small next to such a heap, stands in for it.
 */
export function oldGenerationLimit(): number {
  const heapLimit = getHeapStatistics().heap_size_limit;
  const options = [...(process.env.NODE_OPTIONS ?? '').split(/\s+/), ...process.execArgv];
  const given = options
    .map((option) => /^--max[-_]old[-_]space[-_]size=(\d+)$/.exec(option))
    .filter(Boolean)
    .at(-1);
  return given ? Math.min(heapLimit, Number(given[1]) * MIB) : heapLimit;
}
