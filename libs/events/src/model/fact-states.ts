import type { Fact } from './knowledge';

/**
 * What later facts make of a fact: an action item is `open` until a later fact reports it done, then
 * `done`; a decision is `current` until a later fact on its subject replaces it, then `superseded`.
 * Other facts have no state (null).
 */
export const FACT_STATES = ['open', 'done', 'current', 'superseded'] as const;
export type FactState = (typeof FACT_STATES)[number];

export interface DerivedState {
  state: FactState | null;
  /** The fact reporting an action item done (its own id when the item is itself a report of finished work). */
  closed_by: string | null;
}

/** The fields the rule reads: a fact as extracted, plus the supersession link the read model keeps. */
export type StatefulFact = Pick<
  Fact,
  'id' | 'type' | 'text' | 'subject' | 'owner' | 'reports_done' | 'valid_at' | 'source' | 'entities'
> & { superseded_by: string | null };

/** How long after a task a report elsewhere (not in its thread) may still close it. */
const CROSS_THREAD_WINDOW_MS = 30 * 24 * 3600_000;

/**
 * The state of every fact of one channel, by id. The one place the rule lives (the projector stores
 * its answer; the wiki and the API read it):
 *
 * - A decision is superseded when a later fact on its subject replaces it (`superseded_by`).
 * - An action item with an owner is done when a later fact reports work done (`reports_done`) and
 *   either sets the same task subject (a reply in its thread: "Done: #820") or is the owner's own
 *   report elsewhere that names the same thing ("Postmortem for Tuesday's incident: <link>" closes
 *   "Ben will write a short postmortem"); the earliest such report closes it.
 * - A report of finished work that is itself an action item ("Cutover done at 06:42 UTC.") is done.
 * - Any other action item is open.
 */
export function deriveFactStates(facts: readonly StatefulFact[]): Map<string, DerivedState> {
  const states = new Map<string, DerivedState>();
  const ordered = [...facts].sort((a, b) => compare(a.valid_at, b.valid_at) || compare(a.id, b.id));
  const reports = new Reports(ordered.filter((fact) => fact.reports_done === true));
  for (const fact of ordered) {
    if (fact.type === 'decision') {
      states.set(fact.id, { state: fact.superseded_by === null ? 'current' : 'superseded', closed_by: null });
    } else if (fact.type === 'action_item') {
      if (fact.reports_done === true) {
        states.set(fact.id, { state: 'done', closed_by: fact.id });
        continue;
      }
      const closing = reports.closing(fact);
      states.set(fact.id, { state: closing ? 'done' : 'open', closed_by: closing?.id ?? null });
    } else {
      states.set(fact.id, { state: null, closed_by: null });
    }
  }
  return states;
}

/** The reports of work done, oldest first, looked up by task subject and by owner. */
class Reports {
  private readonly bySubject = new Map<string, StatefulFact[]>();
  private readonly byOwner = new Map<string, StatefulFact[]>();
  private readonly things = new Map<string, string[]>();

  constructor(reports: readonly StatefulFact[]) {
    for (const report of reports) {
      if (report.subject?.startsWith('task:')) push(this.bySubject, report.subject, report);
      if (report.owner) push(this.byOwner, report.owner, report);
    }
  }

  /** The earliest report that closes the task, or null. */
  closing(task: StatefulFact): StatefulFact | null {
    const inThread = task.subject?.startsWith('task:') ? (this.bySubject.get(task.subject) ?? []) : [];
    const byOwner = task.owner ? (this.byOwner.get(task.owner) ?? []) : [];
    const candidates = [
      ...inThread.filter((report) => isLater(report, task)),
      ...byOwner.filter((report) => isLater(report, task) && this.namesSameThing(task, report)),
    ];
    return candidates.sort((a, b) => compare(a.valid_at, b.valid_at) || compare(a.id, b.id))[0] ?? null;
  }

  /**
   * Within the window, the report names the thing the task is about (see thingWords): two of its words,
   * or its last one, which in "take the Postgres upgrade" or "write a short postmortem" is the thing
   * itself. "Runbook for the Postgres cutover" shares only "postgres" with the upgrade: it closes nothing.
   */
  private namesSameThing(task: StatefulFact, report: StatefulFact): boolean {
    if (Date.parse(report.valid_at) - Date.parse(task.valid_at) > CROSS_THREAD_WINDOW_MS) return false;
    const reported = new Set(this.thingsOf(report));
    const taskWords = this.thingsOf(task);
    const shared = taskWords.filter((word) => reported.has(word));
    return shared.length >= 2 || (shared.length > 0 && shared.includes(taskWords[taskWords.length - 1]));
  }

  private thingsOf(fact: StatefulFact): string[] {
    let words = this.things.get(fact.id);
    if (words === undefined) {
      words = [...new Set(thingWords(fact))];
      this.things.set(fact.id, words);
    }
    return words;
  }
}

function push(map: Map<string, StatefulFact[]>, key: string, fact: StatefulFact): void {
  const list = map.get(key);
  if (list) list.push(fact);
  else map.set(key, [fact]);
}

function isLater(report: StatefulFact, task: StatefulFact): boolean {
  if (report.id === task.id) return false;
  if (report.valid_at !== task.valid_at) return report.valid_at > task.valid_at;
  return report.source.message_id === task.source.message_id ? false : report.id > task.id;
}

/** Words that say what is done, when, by whom or how, never which thing: they match any two tasks. */
const GENERIC = new Set(
  (
    'the a an and or of to in on for by with from at as is are was were be been it its this that these those ' +
    'i you he she we they me my your our their his her them us will would can could should shall may might ' +
    'do does did done doing have has had get got make made add added adding put post posted posting write ' +
    'wrote written writing send sent finish finished update updated updating fix fixed set up out today ' +
    'tomorrow tonight yesterday week weeks next last this monday tuesday wednesday thursday friday saturday ' +
    'sunday morning afternoon evening eod eow noon day days yes yeah sure ok okay please pls thanks now soon ' +
    'later agreed agree asked ask draft first new one two all both also just so then than here there what ' +
    'when where who how why which not no more some any each every end time before after about into over ' +
    'like well good great let lets afterwards afterward again too asap anyway instead already still right ' +
    'away'
  ).split(' '),
);

/**
 * The words of a fact that can name a thing: three letters or more, neither generic nor part of a
 * person's name ("postmortem", "mockups"; never "Ben" or "Friday"), a plural "s" dropped.
 */
function thingWords(fact: StatefulFact): string[] {
  const names = new Set([
    ...words(fact.source.author_name ?? ''),
    ...fact.entities.filter((entity) => entity.type === 'person').flatMap((entity) => words(entity.name)),
  ]);
  return words(fact.text.replace(/https?:\/\/\S+/g, ' '))
    .filter((word) => word.length >= 3 && !GENERIC.has(word) && !names.has(word) && !/^\d+$/.test(word))
    .map((word) => word.replace(/(?<=\p{L}{3})s$/u, ''));
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
