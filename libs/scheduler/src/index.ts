export * from './scheduler.modules';
export * from './scheduling/sync-scheduler.service';
export * from './scheduling/schedule-firing';
export * from './dispatcher/dispatcher-state';
