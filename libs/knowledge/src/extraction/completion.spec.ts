import { reportsCompletion } from './completion';

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
