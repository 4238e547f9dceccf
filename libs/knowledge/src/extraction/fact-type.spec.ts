import 'reflect-metadata';
import { FACT_TYPES } from '@atlas/events';
import { classifyFact } from './fact-type';

describe('classifyFact', () => {
  it.each([
    ['We decided to go with Postgres for billing.', 'decision'],
    ['Decision: we go with option B because it is cheaper', 'decision'],
    ["Let's go with the managed Kafka offering.", 'decision'],
    ['Agreed, the freeze starts on the 15th.', 'decision'],
    ["We'll use Terraform for all new infrastructure.", 'decision'],
    ['Going with the blue-green rollout for the gateway.', 'decision'],
    ['@Bruno can you review the migration PR?', 'action_item'],
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
    ["I'll be out of office tomorrow afternoon.", 'observation'],
  ])('%j is a %s', (text, type) => {
    expect(classifyFact(text).type).toBe(type);
  });

  it('keeps a decision that is only asked about a question', () => {
    expect(classifyFact('Did we decide to go with Postgres?').type).toBe('question');
    expect(classifyFact('Are we going with Postgres?').type).toBe('question');
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
