import type { NormalizedMessage } from '@atlas/events';
import { normalizeSlackMessage, SlackMessageContext } from '../slack/slack-message';
import { compareTs, isSlackTs, tsToIso } from '../slack/slack-ts';
import type { SlackMessage } from '../slack/slack-types';

/**
 * An entry of a day file: a message, or (in exports with edit and deletion logs) an event that
 * changed an earlier message. Events carry their own ts, the time of the change, and are filed under
 * the day of the change.
 */
export interface SlackExportEntry extends SlackMessage {
  /** message_changed: the message as it became, with the original's ts. */
  message?: SlackMessage;
  previous_message?: SlackMessage;
  /** message_deleted: the ts of the message deleted. */
  deleted_ts?: string;
}

const CHANGED = 'message_changed';
const DELETED = 'message_deleted';
/** Announces a reply in the parent's place; the reply itself is in the file too. */
const REPLIED = 'message_replied';
/** What Slack leaves of a deleted thread parent whose replies remain. */
const TOMBSTONE = 'tombstone';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isExportEntry(value: unknown): boolean {
  if (!isObject(value) || !isSlackTs(value.ts)) return false;
  if (value.subtype === CHANGED) return isObject(value.message) && isSlackTs(value.message.ts);
  if (value.subtype === DELETED) return isSlackTs(value.deleted_ts);
  return true;
}

/** Whether the entry is a message of the channel rather than an event about one. */
export function isChannelMessage(entry: SlackExportEntry): boolean {
  return entry.subtype !== CHANGED && entry.subtype !== DELETED && entry.subtype !== REPLIED;
}

/** Whether a fetch from `since` must yield the entry: posted after it, or a message edited after it. */
export function isNewerEntry(entry: SlackExportEntry, since: string | null): boolean {
  if (since === null || compareTs(entry.ts, since) > 0) return true;
  const edited = entry.edited?.ts;
  return isChannelMessage(entry) && isSlackTs(edited) && compareTs(edited, since) > 0;
}

/** The latest edit the entry tells of. */
export function entryEditTs(entry: SlackExportEntry): string | null {
  const edited = (entry.subtype === CHANGED ? entry.message?.edited?.ts : entry.edited?.ts) ?? null;
  return isSlackTs(edited) ? edited : null;
}

/** The message an entry yields: itself, the changed message as it became, or a deleted one's tombstone. */
export function normalizeExportEntry(entry: SlackExportEntry, context: SlackMessageContext): NormalizedMessage | null {
  switch (entry.subtype) {
    case REPLIED:
      return null;
    case CHANGED: {
      const changed = entry.message!;
      const editedTs = changed.edited?.ts;
      // An edit log without the edit's own time is dated by the event, which Slack files when the edit was made.
      const edited = { ...changed.edited, ts: isSlackTs(editedTs) ? editedTs : entry.ts };
      const message = normalizeSlackMessage({ ...changed, edited }, context);
      return changed.subtype === TOMBSTONE ? tombstone(message) : message;
    }
    case DELETED:
      return deletedMessage(entry, context);
    case TOMBSTONE:
      return tombstone(normalizeSlackMessage(entry, context));
    default:
      return normalizeSlackMessage(entry, context);
  }
}

function deletedMessage(entry: SlackExportEntry, context: SlackMessageContext): NormalizedMessage {
  const deletedTs = entry.deleted_ts!;
  const previous = entry.previous_message;
  if (previous && previous.ts === deletedTs) return tombstone(normalizeSlackMessage(previous, context));
  return tombstone({
    id: deletedTs,
    channel_id: context.channelId,
    author_id: null,
    author_name: null,
    text: '',
    timestamp: tsToIso(deletedTs),
    thread_parent_id: null,
    reply_count: 0,
    edited: false,
    edited_at: null,
    deleted: true,
    attachments: [],
    permalink: context.permalink(deletedTs, null),
    mentions: [],
    subtype: null,
    is_bot: false,
  });
}

function tombstone(message: NormalizedMessage): NormalizedMessage {
  return { ...message, text: '', edited: false, edited_at: null, deleted: true, attachments: [], mentions: [] };
}
