// A test-only preload (`node --require`): once generating_wiki starts on a job, blocks the event loop for
// ATLAS_TEST_BLOCK_MS, as the wiki stage of a big channel does, and reports on stderr, as a JSON line
// {"test_probe":"stage_runs",...}, every time one stage of one job runs more than once at a time in this
// process. It reads the built app's registry of jobs in progress (the same module instance the app uses).
const { join } = require('node:path');

const blockMs = Number(process.env.ATLAS_TEST_BLOCK_MS ?? 3000);
const { jobsInProgress } = require(
  join(__dirname, '..', '..', '..', 'dist', 'libs', 'common', 'src', 'jobs-in-progress.js'),
);

let blocked = false;
jobsInProgress.onChange((jobs) => {
  const runs = new Map();
  for (const job of jobs) runs.set(`${job.job_id} ${job.stage}`, (runs.get(`${job.job_id} ${job.stage}`) ?? 0) + 1);
  for (const [key, count] of runs) {
    const [job_id, stage] = key.split(' ');
    if (count > 1) process.stderr.write(`${JSON.stringify({ test_probe: 'stage_runs', job_id, stage, count })}\n`);
  }
  if (blocked || !jobs.some((job) => job.stage === 'generating_wiki')) return;
  blocked = true;
  setTimeout(() => {
    const until = Date.now() + blockMs;
    while (Date.now() < until);
  }, 0);
});
