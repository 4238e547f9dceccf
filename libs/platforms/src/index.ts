export * from './connector';
export * from './platform-error';
export * from './connector-factory';
export * from './credentials/secret-box';
export { PlatformHttpClient } from './http/platform-http-client';
export type {
  PlatformHttpClientOptions,
  PlatformHttpRequest,
  PlatformHttpResponse,
  PlatformWait,
  RetryTuning,
} from './http/platform-http-client';
export type { RateTier } from './http/request-pacer';
export { SlackConnector } from './slack/slack-connector';
export { MattermostConnector } from './mattermost/mattermost-connector';
export { TeamsConnector } from './teams/teams-connector';
export { DiscordConnector } from './discord/discord-connector';
export { DiscordExportConnector } from './discord-export/discord-export-connector';
export { GenericImportConnector } from './generic-import/generic-import-connector';
export { importMappingProblems, parseImportMapping } from './generic-import/import-mapping';
export type { ImportMapping } from './generic-import/import-mapping';
export { validateImport } from './import-files/validate-import';
export type { ImportCheck } from './import-files/validate-import';
export * from './import-files/import-limits';
export { boundedLines } from './import-files/bounded-lines';
export { parseBoundedCsv } from './import-files/bounded-csv';
export { jsonArrayItems } from './import-files/json-array-stream';
export { compareTs } from './slack/slack-ts';
export { decodeSlackCursor } from './slack/slack-cursor';
export { SlackExportConnector } from './slack-export/slack-export-connector';
export { ImportPathError, resolveImportPath } from './slack-export/import-path';
export { estimateFromTimeCoverage } from './progress/time-coverage-estimate';
export * from './platform-settings';
