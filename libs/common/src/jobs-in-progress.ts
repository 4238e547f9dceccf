/** One stage of one job that this process is working on right now. */
export interface JobInProgress {
  job_id: string;
  channel_id: string;
  stage: string;
  /** When this process took the stage up (ISO 8601). */
  since: string;
}

type Listener = (jobs: JobInProgress[]) => void;

/**
 * The jobs this process is working on, one entry per running stage. Stage workers enter and leave it;
 * whatever reports a death (the crash handlers, the heap watch, the supervisor through its IPC channel)
 * reads it, so a crash line can name the job it interrupted. A service thread reports its own list to the
 * main thread's registry (service-thread.ts), so the process's list holds every thread's stages.
 */
class JobsInProgressRegistry {
  private readonly entries = new Map<symbol, JobInProgress>();
  /** What the other threads of this process work on, as each last reported it. */
  private readonly ofThreads = new Map<string, JobInProgress[]>();
  private readonly listeners = new Set<Listener>();

  /** Records the stage as running; call the returned function once it ended, however it ended. */
  enter(job: Omit<JobInProgress, 'since'>): () => void {
    const key = Symbol(job.job_id);
    this.entries.set(key, { ...job, since: new Date().toISOString() });
    this.changed();
    return () => {
      if (this.entries.delete(key)) this.changed();
    };
  }

  /** Records what another thread of this process works on now (all of it: the list replaces its last one). */
  reportThread(thread: string, jobs: JobInProgress[]): void {
    if (jobs.length === 0) this.ofThreads.delete(thread);
    else this.ofThreads.set(thread, jobs);
    this.changed();
  }

  list(): JobInProgress[] {
    return [...this.entries.values(), ...[...this.ofThreads.values()].flat()];
  }

  /** Calls the listener with the whole list on every change; returns how to stop listening. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    const jobs = this.list();
    for (const listener of this.listeners) listener(jobs);
  }
}

/** The process's one registry (module state: one process, one set of running stages). */
export const jobsInProgress = new JobsInProgressRegistry();
