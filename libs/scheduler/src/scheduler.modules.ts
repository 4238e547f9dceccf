import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DispatcherHandler } from './dispatcher/dispatcher.handler';
import { SyncScheduler } from './scheduling/sync-scheduler.service';

/** Cron schedules of the channels. */
@Module({ imports: [ScheduleModule.forRoot()], providers: [SyncScheduler], exports: [SyncScheduler] })
export class SchedulingModule {}

/** Admission of queued jobs under the global concurrency limit. */
@Module({ controllers: [DispatcherHandler] })
export class DispatcherModule {}
