export * from './graph-emulator';
export * from './graph-fixture';
export * from './graph-identity';
export * from './graph-store';
export * from './teams-test-connector';
