import 'reflect-metadata';
import { FACT_TYPES } from '@atlas/events';
import { classifyFact, isQuestion } from './fact-type';

describe('classifyFact', () => {
  it.each([
    ['We decided to go with Postgres for billing.', 'decision'],
    ['Decision: we go with option B because it is cheaper', 'decision'],
    ["Let's go with the managed Kafka offering.", 'opinion'],
    ['Agreed, the freeze starts on the 15th.', 'decision'],
    ["We'll use Terraform for all new infrastructure.", 'decision'],
    ['Going with the blue-green rollout for the gateway.', 'decision'],
    ['@Bruno can you review the migration PR?', 'question'],
    ['@Bruno can you review the migration PR.', 'action_item'],
    ['Please update the runbook before the audit.', 'action_item'],
    ['TODO: rotate the k8s secrets', 'action_item'],
    ['Action item: Carla drafts the incident report.', 'action_item'],
    ["I'll send the postmortem to the leads.", 'action_item'],
    ['@Carla will own the on-call schedule.', 'action_item'],
    ['The vendor contract needs a signature by Friday.', 'action_item'],
    ['Should we move billing to Postgres?', 'question'],
    ['Who owns the AWS accounts', 'question'],
    ['anyone know why the nightly build is red', 'question'],
    ['Announcing the new self-serve deploy tool!', 'announcement'],
    ['Heads up: the VPN certificate expires tonight.', 'announcement'],
    ['FYI the staging database was restored from backup.', 'announcement'],
    ['Billing v2.3 was released this morning.', 'announcement'],
    ['The new Grafana dashboards are now live.', 'announcement'],
    ['Please welcome Carla to the platform team!', 'announcement'],
    ['The API gateway is the bottleneck under load.', 'observation'],
    ["I'll be out of office tomorrow afternoon.", 'announcement'],
    ['I think Kafka is overkill for this.', 'opinion'],
    ['IMO the new nav feels cluttered.', 'opinion'],
    ["I'd prefer Terraform over Pulumi here.", 'opinion'],
    ["I'm not sure that the cache is worth it.", 'opinion'],
    ['Postgres is probably better for billing.', 'opinion'],
    ['We should add a canary for config changes.', 'opinion'],
    ['The cutover moves from Mar 14 to Mar 21.', 'decision'],
    ['Jonas takes over BILL-88 from Ben.', 'decision'],
    ['done, merged in #127', 'action_item'],
    ['will look after lunch', 'action_item'],
    ['Heads-up: the Atlas v2 launch moves to March 27.', 'announcement'],
    ['Moving 2.4 from May 2 to May 9 to finish the audit.', 'decision'],
    ['good point, adding a sort toggle', 'action_item'],
    ['👍 will try it on staging tomorrow', 'action_item'],
    ['I can start after the freeze, so realistically from Apr 1', 'action_item'],
    ['The SDK is now published as 2.0.0-beta.1', 'announcement'],
    ['The offsite is confirmed for May 14 in Lisbon.', 'announcement'],
    ['Build 88 approved by Apple this morning.', 'announcement'],
    ['agree, the side panel takes too much room', 'opinion'],
    ['Friday works for us.', 'opinion'],
    ['agreed. @ben can you drop the old dashboards?', 'question'],
    ['The mapping is final and loaded into prod.', 'observation'],
    ['Yesterday: fixed the flaky e2e. Today: rate limiting for Atlas', 'action_item'],
  ])('%j is a %s', (text, type) => {
    expect(classifyFact(text).type).toBe(type);
  });

  describe('hears an opinion in how a sentence judges, whatever the words', () => {
    it.each([
      'We suspect the flaky test depends on the system clock.',
      'I kind of prefer keeping the feature flags in the database.',
      "I'm worried the cold start will hurt the first request.",
      'The settings page is too crowded on small screens.',
      'A single worker per queue is easier to debug.',
      'The new icons look a little washed out.',
      'Batching the writes would be simpler than a second cache.',
    ])('%j', (text) => {
      expect(classifyFact(text).type).toBe('opinion');
    });

    it.each([
      'The replica lag was higher during the backup window.',
      'The nightly snapshot is ready in the bucket.',
      'They restarted the payment worker twice.',
    ])('and reports a state as an observation: %j', (text) => {
      expect(classifyFact(text).type).toBe('observation');
    });
  });

  it('keeps a decision that is only asked about a question', () => {
    expect(classifyFact('Did we decide to go with Postgres?').type).toBe('question');
    expect(classifyFact('Are we going with Postgres?').type).toBe('question');
  });

  describe('never reads a question as an action item or a decision, even a request asked as one', () => {
    it.each([
      'Can you move them to the worker pool right away instead of next cycle?',
      "Let's go with Postgres, can you confirm? 🙏",
      'So we agreed to move the cutover to Sunday?',
      '<@U04K7R8B3BN> can you write a short postmortem by Friday?',
      'Can you record it?',
      'will you send the invite?',
    ])('%j is a question', (text) => {
      expect(classifyFact(text).type).toBe('question');
    });

    it('keeps a request stated without a question mark an action item', () => {
      expect(classifyFact('Can you move them to the worker pool right away instead of next cycle.').type).toBe(
        'action_item',
      );
      expect(classifyFact('Starting next week all config changes go through review; can you write it up.').type).toBe(
        'decision',
      );
    });
  });

  it('reads a promise without a subject as an action item, not a question', () => {
    expect(classifyFact('will send the invite after lunch').type).toBe('action_item');
  });

  describe('decides only with a decision act, never on "Let\'s" alone', () => {
    it.each([
      "Let's rock it!",
      "Let's go with logical replication.",
      "Let's use Postgres for billing.",
      'We could drop Safari 15 support.',
      'How about a PR template with a "how to test" section?',
    ])('%j decides nothing by itself', (text) => {
      expect(classifyFact(text).type).not.toBe('decision');
    });

    it.each([
      "Decision: let's go with usage-based pricing (per planned stop) with a small monthly base fee.",
      'We decided to move all-hands to Thursdays at 16:00 for good.',
      "We'll go with the blue-green rollout.",
      'Poll closed: Lucide wins 7–4.',
      "Let's call it: 3.3 ships Thu Mar 27.",
    ])('%j is a decision', (text) => {
      expect(classifyFact(text).type).toBe('decision');
    });
  });

  it('reads a status with "looking into it" as news, not as an action item', () => {
    expect(classifyFact('routes-api p95 latency is at 4s since 10:20, looking into it.').type).not.toBe('action_item');
    expect(classifyFact('good point, adding a sort toggle').type).toBe('action_item');
  });

  it('prefers a decision over an announcement that matches about as strongly', () => {
    expect(classifyFact('Heads up: starting next week all config changes go through review.').type).toBe('decision');
  });

  it('does not read a negated decision as a decision', () => {
    expect(classifyFact("We haven't decided on the database engine yet.").type).toBe('observation');
  });

  it('gives an explicit marker more confidence than a weak cue, and several cues more than one', () => {
    const explicit = classifyFact('Decision: billing moves to Postgres.').confidence;
    const weak = classifyFact('Ana approved the billing schema.').confidence;
    const single = classifyFact('Please update the runbook.').confidence;
    const several = classifyFact('Please update the runbook by Friday, it is an action item.').confidence;
    expect(explicit).toBeGreaterThan(weak);
    expect(several).toBeGreaterThan(single);
  });

  it('always returns a known type and a confidence within [0, 1]', () => {
    const texts = [
      'Decision: please can you announce we decided, heads up, TODO by Friday, agreed, released?',
      'plain words without any cue at all',
    ];
    for (const text of texts) {
      const { type, confidence } = classifyFact(text);
      expect(FACT_TYPES).toContain(type);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('isQuestion', () => {
  it.each([
    'Should we move billing to Postgres?',
    'anyone know why the nightly build is red',
    '@Bruno can you review the migration PR?',
    'agreed. @ben can you drop the old dashboards?',
    'will look after lunch',
    'when mtr starts, hit d',
    'Who owns the AWS accounts.',
    'I think Kafka is overkill for this.',
    'Decision: we go with option B because it is cheaper',
    '',
    '   ',
  ])('%j is a question exactly when classifyFact says so', (text) => {
    expect(isQuestion(text)).toBe(classifyFact(text).type === 'question');
  });
});
