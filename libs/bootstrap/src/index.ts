export * from './service-plans';
export * from './start-service';
export * from './run-service';
export * from './demo-connection';
export * from './listening-address';
