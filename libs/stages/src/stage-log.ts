import { Logger } from '@nestjs/common';
import type { StageName } from '@atlas/events';

/** How a stage of a job ended, on its end line. */
export type StageOutcome =
  /** The stage did its work (its completion event is in the log). */
  | 'completed'
  /** The stage failed the job (SyncFailed, with error_code). */
  | 'failed'
  /** The job was closed meanwhile (cancelled, or failed by another stage): the stage stopped. */
  | 'job_closed'
  /** This process is stopping: JetStream hands the stage to another process, whose line says `resumed`. */
  | 'interrupted';

interface StageIdentity {
  job_id: string;
  channel_id: string;
  stage: StageName;
}

const log = new Logger('JobStage');
/**
 * When each stage running in this process started: a redelivery after a transient failure is not a new
 * start. An entry outlives its stage only when a retry is taken over by another process: a few bytes per
 * such job, left until this process ends.
 */
const startedAt = new Map<string, number>();

/**
 * The two lines a stage of a job logs: one when it starts, one when it ends (with duration_ms and
 * outcome), whatever number of attempts (redeliveries after transient failures) it takes in between.
 * A stage picked up by another process after a crash or a stop logs its start there, `resumed: true`.
 */
export class StageLog {
  private readonly key: string;

  constructor(
    private readonly identity: StageIdentity,
    private readonly attempt: number,
  ) {
    this.key = `${identity.job_id}:${identity.stage}`;
  }

  started(): void {
    if (startedAt.has(this.key)) return;
    startedAt.set(this.key, Date.now());
    const resumed = this.attempt > 1;
    log.log(`${this.identity.stage} of ${this.identity.job_id} ${resumed ? 'resumed' : 'started'}`, {
      ...this.identity,
      event: 'stage_started',
      attempt: this.attempt,
      resumed,
    });
  }

  ended(outcome: StageOutcome, details: Record<string, unknown> = {}): void {
    const since = startedAt.get(this.key) ?? Date.now();
    startedAt.delete(this.key);
    const fields = {
      ...this.identity,
      event: 'stage_ended',
      outcome,
      duration_ms: Date.now() - since,
      attempt: this.attempt,
      ...details,
    };
    const text = `${this.identity.stage} of ${this.identity.job_id} ended: ${outcome}`;
    if (outcome === 'failed') log.warn(text, fields);
    else log.log(text, fields);
  }
}
