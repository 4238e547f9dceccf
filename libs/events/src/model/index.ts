export * from './stages';
export * from './job-error';
export * from './message';
export * from './knowledge';
export * from './encrypted-secret';
export * from './validation';
export * from './fact-states';
