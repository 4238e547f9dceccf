import type { FactEntity, FactType } from '@atlas/events';
import { rejectionOf, rejectionSummary, type RejectedFact, type RejectionReason } from './fact-checks';

const PEOPLE = ['Ana Lima', 'ana.lima', 'Bruno Costa', 'Mel Tan', 'Gus'];
const ANA: FactEntity = { key: 'person:U0ANA', name: 'Ana Lima', type: 'person', kind: null };
const BILLING: FactEntity = { key: 'project:billing', name: 'billing', type: 'project', kind: null };

function reasonFor(
  text: string,
  type: FactType = 'observation',
  entities: FactEntity[] = [ANA],
): RejectionReason | null {
  return rejectionOf({ text, type, entities, language: 'en' }, PEOPLE)?.reason ?? null;
}

describe('the checks on a model fact', () => {
  it.each<[string, FactType]>([
    ['Ana Lima will ship the billing migration on 2024-03-08.', 'action_item'],
    ['The team decided to move the billing service to Postgres.', 'decision'],
    ['The team agreed to go with Postgres for billing.', 'decision'],
    ['Bruno Costa asked whether the billing service should move to Postgres or stay on MongoDB.', 'question'],
    ['Does Gus submit expenses in Expensify?', 'question'],
    ['Ana Lima will review and merge the migration pull request.', 'action_item'],
    ['Postgres and Redis are used by the billing service.', 'observation'],
    ['The Atlas v2 launch moves to 2024-03-15 and is tracked in OPS-142.', 'announcement'],
    ['It was decided that the billing service moves to Postgres.', 'decision'],
    ['Ana Lima thinks it is a good idea to cache the invoices.', 'opinion'],
    ['There is a bug in the login page of the billing service.', 'observation'],
    ['The billing migration is done.', 'announcement'],
    ['The build fails when it runs on ARM.', 'observation'],
    ['The login bug that broke checkout is fixed.', 'announcement'],
    ['Ana Lima quoted the error "you must reboot first".', 'observation'],
    ['The I/O scheduler of Ubuntu 20.04 is mq-deadline.', 'observation'],
    ['Ana Lima asked Bruno Costa to review the billing pull request by 2024-03-08.', 'action_item'],
    ['Ana Lima thanks Bruno Costa for the review, and will merge the billing pull request today.', 'action_item'],
    ['Ana Lima and Gus have the deploy keys.', 'observation'],
    ["Where do Gus's expense reports go?", 'question'],
    ['Do Ana Lima and Bruno Costa own the billing service?', 'question'],
    // Shapes of real support-channel facts (the #ubuntu dev days) that the first version of the checks dropped.
    ['Is there a way to add another location to the GNOME panel weather applet?', 'question'],
    ['Is it true that aptitude has better dependency resolution than apt-get?', 'question'],
    ['Is it normal that installing Konqueror in the chroot wants 184 MB of files?', 'question'],
    ['Why not use Synaptic instead of aptitude?', 'question'],
    ['Wake-on-LAN wakes up a PC from the network.', 'observation'],
    ['Should magez_ remove the older Tcl and Tk packages before installing the new ones?', 'question'],
    ['The page help.ubuntu.com/community/32bit_and_64bit explains the 32-bit versions.', 'answer'],
    ['The page explains the differences between 32-bit and 64-bit Ubuntu versions that alz1 asked about.', 'answer'],
    [
      'To get a launcher for all games, write a script that launches the games and a launcher that calls the script.',
      'answer',
    ],
  ])('keeps "%s" (%s)', (text, type) => {
    expect(reasonFor(text, type)).toBeNull();
  });

  it.each<[string, FactType, RejectionReason]>([
    // Selectivity: what the prompt calls small talk is dropped, framed as someone's act or not.
    ['Good morning all!', 'observation', 'small_talk'],
    ['Ana Lima thanks Bruno Costa for the review.', 'observation', 'small_talk'],
    ['Mel Tan says good morning.', 'announcement', 'small_talk'],
    ['Wow, amazing view!', 'observation', 'not_a_sentence'],
    ['Fine by Ben.', 'opinion', 'not_a_sentence'],
    ['Great news!', 'announcement', 'not_a_sentence'],
    // Self-containedness: every pronoun resolved.
    ["I'll ship the billing migration on Friday.", 'action_item', 'unresolved_first_person'],
    ['Ana Lima says my pull request is ready.', 'announcement', 'unresolved_first_person'],
    ['Hey Mel! Good to see you!', 'observation', 'unresolved_you'],
    ['Definitely worth a read if you are looking for something captivating.', 'opinion', 'unresolved_you'],
    ['Ana Lima will update your pull request.', 'action_item', 'unresolved_you'],
    ['It is blocked on OPS-142.', 'observation', 'unresolved_reference'],
    ['This works on Ubuntu 20.04.', 'observation', 'unresolved_reference'],
    ['That was fixed in OPS-142.', 'announcement', 'unresolved_reference'],
    ['These are ready for review.', 'announcement', 'unresolved_reference'],
    // "That migration": which one, the chat around it said.
    ['That migration is done.', 'announcement', 'unresolved_reference'],
    ['Ana Lima will ship it on Friday.', 'action_item', 'unresolved_reference'],
    ['Ana Lima said that it works.', 'observation', 'unresolved_reference'],
    ['Ana Lima will be there at 15:00.', 'announcement', 'unresolved_reference'],
    ['Ana Lima agrees with that.', 'opinion', 'unresolved_reference'],
    ['Bruno Costa fixed that.', 'announcement', 'unresolved_reference'],
    // Atomicity: two clauses with their own subjects are two facts.
    ['Ana Lima merged the fix and Bruno Costa deployed the billing service.', 'announcement', 'compound'],
    ['Ana prefers Postgres but Bruno Costa prefers MySQL.', 'opinion', 'compound'],
    ['The build is green; the deploy is done.', 'announcement', 'compound'],
    // wink reads "show" as a noun here, compromise as the verb it is.
    ['Ana Lima finished the billing migration and the logs show 0 errors.', 'announcement', 'compound'],
    ['The logs show 0 errors and Ana Lima is happy with the billing migration.', 'opinion', 'compound'],
    ["Ana Lima's pull request is merged and Bruno Costa's docs are up.", 'announcement', 'compound'],
    // Grammar after resolving.
    ['How do Gus submit expenses?', 'question', 'plural_verb_with_person'],
    ['Does Bruno Costa have the keys, or do Ana have them?', 'question', 'plural_verb_with_person'],
    ['Ana Lima have the deploy keys.', 'observation', 'plural_verb_with_person'],
    // Types.
    ["Let's ship Atlas v2 on Friday.", 'decision', 'lets_decision'],
    ["Ana Lima proposed: let's rock the launch.", 'decision', 'lets_decision'],
    ['Can Bruno Costa review the billing pull request by Friday?', 'action_item', 'question_as_action_item'],
  ])('drops "%s" (%s): %s', (text, type, reason) => {
    expect(reasonFor(text, type)).toBe(reason);
  });

  it('keeps a "Let\'s …" that is not called a decision: a proposal is an opinion', () => {
    expect(reasonFor("Ana Lima proposed: let's ship Atlas v2 on Friday.", 'opinion')).toBeNull();
  });

  it('drops an action item without a person or team to own it, and keeps one with a team', () => {
    const text = 'The billing migration needs a rollback plan by 2024-03-08.';
    expect(reasonFor(text, 'action_item', [BILLING])).toBe('action_item_without_owner');
    const team: FactEntity = { key: 'team:platform', name: 'platform team', type: 'team', kind: null };
    expect(reasonFor(text, 'action_item', [BILLING, team])).toBeNull();
    expect(reasonFor(text, 'observation', [BILLING])).toBeNull();
  });

  it('judges an action item by the owner the model gives, when it gives one', () => {
    const text = 'The billing migration needs a rollback plan by 2024-03-08.';
    const check = (owner: { name: string; known: boolean }, entities: FactEntity[]) =>
      rejectionOf({ text, type: 'action_item', entities, language: 'en', owner }, PEOPLE);
    expect(check({ name: 'Ana Lima', known: true }, [BILLING])).toBeNull();
    // A person among the entities does not make an unknown owner someone.
    expect(check({ name: 'Dmitri', known: false }, [BILLING, ANA])).toEqual({
      reason: 'action_item_without_owner',
      detail: 'Dmitri',
    });
    expect(
      rejectionOf(
        { text, type: 'observation', entities: [BILLING], language: 'en', owner: { name: 'Dmitri', known: false } },
        PEOPLE,
      ),
    ).toBeNull();
  });

  it('says which word left a pronoun unresolved', () => {
    expect(
      rejectionOf({ text: 'Ana Lima will fix it.', type: 'action_item', entities: [ANA], language: 'en' }, PEOPLE),
    ).toEqual({ reason: 'unresolved_reference', detail: 'it' });
    expect(
      rejectionOf({ text: 'You own the rollout.', type: 'observation', entities: [], language: 'en' }, PEOPLE),
    ).toEqual({ reason: 'unresolved_you', detail: 'You' });
  });

  it('reads only the language-neutral rules on a fact in another language', () => {
    const spanish = (text: string, type: FactType) =>
      rejectionOf({ text, type, entities: [ANA], language: 'es' }, PEOPLE)?.reason ?? null;
    expect(spanish('Ana Lima dijo que ya me lo envió.', 'observation')).toBeNull();
    expect(spanish('¿Puede Ana Lima revisar el cambio?', 'action_item')).toBe('question_as_action_item');
  });

  it('sums up the dropped facts by reason, without their text', () => {
    const dropped = (reason: RejectionReason): RejectedFact => ({
      message_id: 'm1',
      text: 'Can you share the secret runbook?',
      type: 'action_item',
      reason,
      detail: null,
    });
    const summary = rejectionSummary([dropped('unresolved_you'), dropped('compound'), dropped('unresolved_you')]);
    expect(summary).toBe('3 facts dropped: unresolved_you 2, compound 1');
    expect(rejectionSummary([dropped('compound')])).toBe('1 fact dropped: compound 1');
  });
});
