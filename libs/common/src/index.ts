export * from './errors';
export * from './ids';
export * from './async';
export * from './time';
export * from './ordering';
export * from './jobs-in-progress';
