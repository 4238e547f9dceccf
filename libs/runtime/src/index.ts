export * from './tokens';
export * from './runtime';
export * from './runtime.module';
export * from './logger';
export * from './workers';
