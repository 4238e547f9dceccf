/**
 * Subjects of the event stream. Each aggregate has its own subject, so appends to it can be made
 * conditional on its last sequence (Nats-Expected-Last-Subject-Sequence).
 *
 *   atlas.connection.<connection>      ConnectionCreated, ConnectionDeleted
 *   atlas.channel.<channel>            ChannelRegistered/Removed and every event of the channel's sync jobs
 *   atlas.schedule.<channel>           ScheduleUpdated
 *   atlas.schedule.<channel>.fired     ScheduleFired
 *   atlas.webhook.<webhook>            WebhookRegistered, WebhookDeleted
 *   atlas.webhook.<webhook>.deliveries WebhookDeliveryRequested
 *   atlas.webhook.<webhook>.attempts   WebhookDeliveryAttempted
 */
export const SUBJECT_ROOT = 'atlas';
export const ALL_EVENTS_SUBJECT = `${SUBJECT_ROOT}.>`;
export const ALL_CHANNELS_SUBJECT = `${SUBJECT_ROOT}.channel.*`;
export const ALL_SCHEDULES_SUBJECT = `${SUBJECT_ROOT}.schedule.*`;
export const ALL_SCHEDULE_FIRINGS_SUBJECT = `${SUBJECT_ROOT}.schedule.*.fired`;
export const ALL_WEBHOOKS_SUBJECT = `${SUBJECT_ROOT}.webhook.*`;
export const ALL_WEBHOOK_DELIVERIES_SUBJECT = `${SUBJECT_ROOT}.webhook.*.deliveries`;

const PLAIN_TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * A platform id as one subject token. Ids made of letters, digits, `_` and `-` are used as they are
 * (Slack's `C12345`); any other id (dots, colons, `@`) is base64url-encoded behind a `~`, which no plain
 * token contains, so the mapping stays one-to-one.
 */
export function subjectToken(id: string): string {
  if (PLAIN_TOKEN.test(id)) return id;
  return `~${Buffer.from(id, 'utf8').toString('base64url')}`;
}

export function idFromSubjectToken(token: string): string {
  return token.startsWith('~') ? Buffer.from(token.slice(1), 'base64url').toString('utf8') : token;
}

export const connectionSubject = (connectionId: string) => `${SUBJECT_ROOT}.connection.${subjectToken(connectionId)}`;
export const channelSubject = (channelId: string) => `${SUBJECT_ROOT}.channel.${subjectToken(channelId)}`;
export const scheduleSubject = (channelId: string) => `${SUBJECT_ROOT}.schedule.${subjectToken(channelId)}`;
export const scheduleFiringSubject = (channelId: string) => `${scheduleSubject(channelId)}.fired`;
export const webhookSubject = (webhookId: string) => `${SUBJECT_ROOT}.webhook.${subjectToken(webhookId)}`;
export const webhookDeliveriesSubject = (webhookId: string) => `${webhookSubject(webhookId)}.deliveries`;
export const webhookAttemptsSubject = (webhookId: string) => `${webhookSubject(webhookId)}.attempts`;
