import { deriveFactStates, type StatefulFact } from './fact-states';

const BEN = 'person:U0BEN';
const DEV = 'person:U0DEV';

let sequence = 0;
function fact(day: number, fields: Partial<StatefulFact> & Pick<StatefulFact, 'type' | 'text'>): StatefulFact {
  sequence += 1;
  const timestamp = new Date(Date.UTC(2025, 2, day, 9, sequence)).toISOString();
  return {
    id: `fact_${sequence}`,
    subject: null,
    owner: null,
    reports_done: false,
    valid_at: timestamp,
    superseded_by: null,
    entities: [],
    source: {
      message_id: `m${sequence}`,
      author_id: (fields.owner ?? 'person:U0ANA').slice('person:'.length),
      author_name: fields.owner === BEN ? 'Ben Okafor' : fields.owner === DEV ? 'Dev Patel' : 'Ana Souza',
      timestamp,
      thread_id: null,
      permalink: null,
      text: null,
    },
    ...fields,
  };
}

describe('deriveFactStates', () => {
  it('closes a task with a report in its thread, even one that names nothing', () => {
    // Given a task and a "Done" reply on the same task subject
    const task = fact(12, { type: 'action_item', text: 'Dev please add the PR template.', owner: DEV, subject: 't:1' });
    const done = fact(12, { type: 'action_item', text: 'Done: #820', owner: DEV, subject: 't:1', reports_done: true });
    // Then the task is done, closed by the reply; the reply is done by itself
    const states = deriveFactStates([done, task].map((f) => ({ ...f, subject: `task:${f.subject}` })));
    expect(states.get(task.id)).toEqual({ state: 'done', closed_by: done.id });
    expect(states.get(done.id)).toEqual({ state: 'done', closed_by: done.id });
  });

  it("closes an owner's task with their later post on the same thing elsewhere", () => {
    // Given Ben's postmortem task, and his postmortem posted two days later as a new message
    const task = fact(11, {
      type: 'action_item',
      text: 'Ben Okafor agreed to write a short postmortem by Friday: Yes, draft by Thursday.',
      owner: BEN,
    });
    const posted = fact(13, {
      type: 'announcement',
      text: "Postmortem for Tuesday's latency incident: https://docs.example.io/pm",
      owner: BEN,
      reports_done: true,
    });
    // Then the task is done, closed by the post
    expect(deriveFactStates([task, posted]).get(task.id)).toEqual({ state: 'done', closed_by: posted.id });
  });

  it('reads the thing of a task past the words that say when ("… the recording in here afterwards")', () => {
    // Demo #general: Mei agreed to record the lunch & learn, then posted the recording
    const task = fact(18, {
      type: 'action_item',
      text: 'Mei agreed to record it: Sure, Mei will post the recording in here afterwards.',
      owner: DEV,
    });
    const posted = fact(20, {
      type: 'announcement',
      text: 'Recording of the lunch & learn: Design tokens, March 20 (https://drive.example.io/rec).',
      owner: DEV,
      reports_done: true,
    });
    expect(deriveFactStates([task, posted]).get(task.id)).toEqual({ state: 'done', closed_by: posted.id });
  });

  it('leaves a task open when the report shares one word with it that is not what the task is about', () => {
    // Given Ben's upgrade task (demo #engineering) and his runbook for the cutover posted later
    const task = fact(3, { type: 'action_item', text: 'Ben will take the Postgres upgrade.', owner: BEN });
    const runbook = fact(5, {
      type: 'announcement',
      text: 'Runbook for the Postgres cutover is ready for review: https://docs.example.io/runbook',
      owner: BEN,
      reports_done: true,
    });
    // Then the runbook closes nothing: it is not the upgrade
    expect(deriveFactStates([task, runbook]).get(task.id)).toEqual({ state: 'open', closed_by: null });
  });

  it('leaves a task open when the report is by someone else, about something else, or earlier', () => {
    const task = fact(11, { type: 'action_item', text: 'Ben Okafor will write the postmortem.', owner: BEN });
    const byDev = fact(13, { type: 'announcement', text: 'Postmortem is up.', owner: DEV, reports_done: true });
    const other = fact(13, { type: 'announcement', text: 'Runbook updated: link', owner: BEN, reports_done: true });
    const earlier = fact(10, {
      type: 'announcement',
      text: 'Postmortem template is up.',
      owner: BEN,
      reports_done: true,
    });
    const onlyNames = fact(13, {
      type: 'announcement',
      text: 'Ben Okafor: finished Friday.',
      owner: BEN,
      reports_done: true,
    });
    const states = deriveFactStates([task, byDev, other, earlier, onlyNames]);
    expect(states.get(task.id)).toEqual({ state: 'open', closed_by: null });
  });

  it('tells current decisions from superseded ones, and gives other facts no state', () => {
    const later = fact(12, { type: 'decision', text: "Actually let's use MySQL instead." });
    const earlier = fact(11, { type: 'decision', text: 'We decided to use Postgres.', superseded_by: later.id });
    const question = fact(11, { type: 'question', text: 'Which database?' });
    const states = deriveFactStates([earlier, later, question]);
    expect(states.get(earlier.id)?.state).toBe('superseded');
    expect(states.get(later.id)?.state).toBe('current');
    expect(states.get(question.id)).toEqual({ state: null, closed_by: null });
  });
});
