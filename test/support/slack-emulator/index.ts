export * from './slack-emulator';
export * from './slack-workspace';
