export * from './process-metrics';
export * from './metrics-gate';
export * from './metrics-server';
