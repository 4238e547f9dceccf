import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { AtlasConfig } from '@atlas/config';
import type { AtlasEvent } from '@atlas/events';
import { EventStore, JetStreamEventContext, OnEvent } from '@atlas/messaging';
import { ATLAS_CONFIG, READ_MODEL_STORE, WORKER } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { completeCancellation, decideOnChannel, startSync } from '@atlas/sync';
import { DispatcherState, EMPTY_DISPATCHER_STATE, evolveDispatcher } from './dispatcher-state';

const PRODUCER = 'scheduler';

/**
 * Admission control: at most ATLAS_MAX_CONCURRENT_SYNCS jobs run at once; the others stay `queued` and
 * start in the order they were requested. It reads the lifecycle events in log order (one at a time)
 * and starts a job by appending SyncStarted, which only lands while the job is still queued on its
 * channel — a job cancelled while waiting is simply dropped. It also closes cancellations whose
 * writer died between SyncCancelRequested and SyncCancelled.
 */
@Controller()
export class DispatcherHandler {
  private readonly log = new Logger('Dispatcher');

  constructor(
    private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
  ) {}

  @OnEvent(
    ['SyncRequested', 'SyncStarted', 'SyncCancelRequested', 'SyncCancelled', 'SyncCompleted', 'SyncFailed'],
    WORKER.dispatcher,
  )
  async onLifecycleEvent(@Payload() event: AtlasEvent, @Ctx() context: JetStreamEventContext): Promise<void> {
    let state = (await this.store.get<DispatcherState>('checkpoints', 'dispatcher')) ?? EMPTY_DISPATCHER_STATE;
    if (context.seq > state.last_seq) state = { ...evolveDispatcher(state, event), last_seq: context.seq };
    if (event.type === 'SyncCancelRequested') {
      await decideOnChannel(this.events, event.data.channel_id, completeCancellation(event.data.job_id, PRODUCER));
    }
    state = await this.admit(state);
    await this.store.put('checkpoints', state);
  }

  private async admit(state: DispatcherState): Promise<DispatcherState> {
    const running = [...state.running];
    const queue = [...state.queue];
    while (running.length < this.config.maxConcurrentSyncs && queue.length > 0) {
      const next = queue[0];
      const outcome = await decideOnChannel(this.events, next.channel_id, startSync(next.job_id, PRODUCER));
      queue.shift();
      if (outcome === 'gone') continue;
      running.push(next);
      if (outcome === 'started')
        this.log.log(`started ${next.job_id} (${running.length}/${this.config.maxConcurrentSyncs} running)`, {
          job_id: next.job_id,
          channel_id: next.channel_id,
        });
    }
    return { ...state, running, queue };
  }
}
