import type { components } from './schema';

/**
 * The API's answers as the app names them: aliases of the types generated from the OpenAPI document
 * (schema.d.ts, `npm run api:types`), so a change of the API shows here as a type error.
 */
type Schemas = components['schemas'];

export const STAGES = ['fetching_messages', 'extracting_facts', 'building_graph', 'generating_wiki'] as const;
export type StageName = (typeof STAGES)[number];
export type JobStatusView = Schemas['JobStatusView'];
export type JobStatus = JobStatusView['status'];
export type JobError = Schemas['JobError'];
export type JobHistoryEntry = Schemas['JobHistoryView'];
export type TriggerSyncAnswer = Schemas['TriggerSyncView'];
export type ScheduleView = Schemas['ScheduleView'];
export type ChannelSummary = Schemas['ChannelSummary'];
export type ConnectionView = Schemas['ConnectionView'];
export type ConnectionHealth = Schemas['ConnectionHealth'];
export type MessageView = Schemas['MessageView'];
export type Platform = ConnectionView['platform'];
export type ConnectionTestAnswer = Schemas['ConnectionCheck'];
export type DeleteConnectionAnswer = Schemas['DeletedConnectionView'];
export type ImportAnswer = Schemas['ImportAnswer'];
export type WebhookView = Schemas['WebhookView'];
export type WebhookEventType = WebhookView['events'][number];
export type WebhookDeliveryView = Schemas['WebhookDeliveryView'];

// The generated stage names and ours must be the same list.
const sameStages: StageName = 'fetching_messages' as Schemas['StageProgressView']['stage'];
void sameStages;
