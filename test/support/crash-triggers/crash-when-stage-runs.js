// A test-only preload (`node --require`): once the stage named by ATLAS_TEST_CRASH_STAGE starts on a job,
// kills the process the way ATLAS_TEST_CRASH says, so the tests see what a real crash logs:
//   uncaught_exception  a throw from a timer callback
//   unhandled_rejection a rejected promise nobody handles
//   heap_out_of_memory  retains memory until V8 reaches its heap limit (run it with --max-old-space-size),
//                       slowly near the limit, as a real leak grows, so the heap watch gets to see it
//   thread_heap_out_of_memory  the same on the pipeline thread, which Node ends at its heap limit
// It reads the built app's registry of jobs in progress (the same module instance the app uses). Node loads
// it in every thread: an exception or a rejection is raised on the all-in-one's pipeline thread, where the
// stages run (its crash reaches the main thread as a report); heap_out_of_memory grows the main thread's
// heap, for a V8 heap death of the process, and thread_heap_out_of_memory the pipeline thread's.
const { join } = require('node:path');
const { getHeapStatistics } = require('node:v8');
const { isMainThread } = require('node:worker_threads');

const kind = process.env.ATLAS_TEST_CRASH;
const stage = process.env.ATLAS_TEST_CRASH_STAGE ?? 'extracting_facts';
const { jobsInProgress } = require(
  join(__dirname, '..', '..', '..', 'dist', 'libs', 'common', 'src', 'jobs-in-progress.js'),
);

const onMainThread = kind === 'heap_out_of_memory';
let triggered = isMainThread !== onMainThread;
jobsInProgress.onChange((jobs) => {
  if (triggered || !jobs.some((job) => job.stage === stage)) return;
  triggered = true;
  setTimeout(crash, 50);
});

const retained = [];
function crash() {
  if (kind === 'uncaught_exception') throw new Error('test trigger: thrown from a timer');
  if (kind === 'unhandled_rejection') void Promise.reject(new Error('test trigger: a promise nobody awaits'));
  if (kind === 'heap_out_of_memory' || kind === 'thread_heap_out_of_memory') grow();
}

// The test gives the limit with --max-old-space-size in NODE_OPTIONS.
const oldSpaceLimit = Number(/--max-old-space-size=(\d+)/.exec(process.env.NODE_OPTIONS ?? '')?.[1] ?? 0) * 2 ** 20;

function grow() {
  const { used_heap_size: used } = getHeapStatistics();
  // 1 MiB of doubles per step; fast while far from the limit, slow near it.
  retained.push(new Array(131072).fill(1.5));
  setTimeout(grow, used < 0.7 * oldSpaceLimit ? 2 : 40);
}
