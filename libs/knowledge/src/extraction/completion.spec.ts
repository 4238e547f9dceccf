import { deliversWork, reportsCompletion } from './completion';

describe('reportsCompletion', () => {
  it.each([
    'Cutover done at 06:42 UTC.',
    'Done, staging is back to normal.',
    'Good catches, both fixed.',
    "Dev fixed the seed; production is not affected since the database wasn't recreated.",
    'Reviewed, left two comments: the replay script should be idempotent.',
    'Done: routes-web#820',
    'Moved to staging and deployed.',
    'The fix has been merged.',
    'Migration complete.',
    'The release build is ready.',
  ])('reads "%s" as work finished', (text) => {
    expect(reportsCompletion(text)).toBe(true);
  });

  it.each([
    'Done by noon.',
    // A condition on work not done yet, however far its "done" is from "until" (demo #engineering).
    'Yes, no schema changes from Friday 14th until the cutover is done.',
    'Dev will add a "we\'ll email you when it\'s ready" state to the export dialog.',
    'Ben please put the steps in the runbook by Wednesday so Dev can review them.',
    'Can we get this merged today?',
    'Is the cutover done?',
    'Needs to be fixed before Friday.',
    'Once merged, Dev will deploy it.',
    'Not done yet, blocked on review.',
    "It isn't fixed.",
    'Please complete the form by Friday.',
    'The runbook is ready for review.',
    "I'll get it reviewed tomorrow.",
    'Load test exports before release.',
  ])('reads "%s" as work still to do', (text) => {
    expect(reportsCompletion(text)).toBe(false);
  });
});

describe('deliversWork', () => {
  it.each([
    ["Postmortem for Tuesday's latency incident: link", true],
    ['Mockups v2 with the weekday picker and a preview of the email: link', true],
    ['Runbook for the Postgres cutover is ready for review: https://docs.fernway.io/runbooks/pg16-cutover', true],
    ["Here's the sheet: https://docs.fernway.io/sheets/desk-setup", true],
    ['Estimate for Stripe usage metering: about 2 weeks for one engineer', true],
    ['Calls booked: Bloom & Stem, Brot & Butter and Velo Kurier', true],
  ])('reads %j as work handed over', (text, hasLink) => {
    expect(deliversWork(text, hasLink as boolean)).toBe(true);
  });

  it.each([
    'routes-api p95 latency is at 4s since 10:20, looking into it.',
    'Heads up: Postgres 16 changed the default collation.',
    'Action items: alert on pool saturation (Ben), load test exports before release (Dev).',
    'Question: are we OK dropping support for Safari 15?',
    'Board update, March (https://docs.fernway.io/board/2025-03)',
    'Plan: I will write the runbook tomorrow.',
  ])('reads %j as no delivery', (text) => {
    expect(deliversWork(text, text.includes('http'))).toBe(false);
  });
});
