import { stableId } from '@atlas/common';
import type { ChannelDoc, MessageDoc } from '../documents';
import { applyOnce, Projection } from './projection';

export const messageDocId = (channelId: string, messageId: string) => stableId('msg', channelId, messageId);

export const projectChannels: Projection = async (tx, { seq, event }) => {
  const update = (channelId: string, change: (doc: ChannelDoc) => Partial<ChannelDoc>) =>
    applyOnce<ChannelDoc>(tx, 'channels', channelId, seq, (doc) => (doc ? { ...doc, ...change(doc) } : undefined));

  switch (event.type) {
    case 'ChannelRegistered': {
      const d = event.data;
      await applyOnce<ChannelDoc>(tx, 'channels', d.channel_id, seq, () => ({
        channel_id: d.channel_id,
        name: d.name,
        connection_id: d.connection_id,
        platform: d.platform,
        topic: d.topic,
        is_private: d.is_private,
        message_count_hint: d.message_count_hint,
        message_count: 0,
        last_sync: null,
        cursor: null,
        active_job_id: null,
        registered_at: event.metadata.occurred_at,
      }));
      return;
    }
    case 'ChannelRemoved':
      await applyOnce<ChannelDoc>(tx, 'channels', event.data.channel_id, seq, () => null);
      return;
    case 'SyncRequested':
      await update(event.data.channel_id, () => ({ active_job_id: event.data.job_id }));
      return;
    case 'MessagesFetched': {
      // A message is new to the channel when no earlier event stored it (first_seq tells, even when a
      // partial earlier attempt at this same event already wrote it).
      const ids = [...new Set(event.data.messages.map((m) => messageDocId(event.data.channel_id, m.id)))];
      const stored = new Map((await tx.getMany<MessageDoc>('messages', ids)).map((doc) => [doc.id, doc]));
      // A tombstone takes away a message the channel counted; a tombstone of one it never had adds nothing.
      let change = 0;
      const latest = new Map(event.data.messages.map((message) => [message.id, message]));
      for (const message of latest.values()) {
        const before = stored.get(messageDocId(event.data.channel_id, message.id));
        const counted = before !== undefined && before.first_seq !== seq && before.deleted !== true;
        change += (message.deleted ? 0 : 1) - (counted ? 1 : 0);
      }
      await update(event.data.channel_id, (doc) => ({ message_count: Math.max(0, doc.message_count + change) }));
      return;
    }
    case 'SyncCompleted':
      await update(event.data.channel_id, () => ({
        active_job_id: null,
        cursor: event.data.cursor,
        last_sync: event.metadata.occurred_at,
      }));
      return;
    case 'SyncFailed':
    case 'SyncCancelled':
      await update(event.data.channel_id, () => ({ active_job_id: null }));
      return;
  }
};
