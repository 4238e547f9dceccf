export * from './channel-state';
export * from './channel-commands';
export * from './sync-decisions';
export * from './channel-registration';
export * from './job-writer';
export * from './job-ids';
export * from './schedule/cron-schedule';
export * from './connection-state';
