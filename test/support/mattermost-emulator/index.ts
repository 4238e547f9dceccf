export * from './chat-workspace-on-mattermost';
export * from './mattermost-emulator';
export * from './mattermost-workspace';
export { PER_PAGE_MAXIMUM, SINCE_LIMIT } from './post-listing';
