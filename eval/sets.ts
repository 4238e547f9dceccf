/** A labelled set: one folder of channel files, scored and reported on its own. */
export interface EvalSet {
  name: string;
  dir: string;
  description: string;
  /** A required set's folder must hold files; an optional one is reported as waiting for labels. */
  required: boolean;
}

/** The sets `npm run eval` scores, in report order: real chat first, then the set written for the project. */
export const EVAL_SETS: readonly EvalSet[] = [
  {
    name: 'ubuntu-irc',
    dir: 'eval/real/ubuntu-irc',
    description: 'real chat: the #ubuntu IRC support channel (CC BY 4.0, see its README)',
    required: false,
  },
  {
    name: 'brightwave',
    dir: 'eval/dataset',
    description: 'written for the project: a fictional company',
    required: true,
  },
];
