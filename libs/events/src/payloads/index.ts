export * from './connection-events';
export * from './channel-events';
export * from './job-events';
export * from './stage-events';
export * from './schedule-events';
export * from './webhook-events';
