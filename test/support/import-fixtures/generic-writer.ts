import { writeFileSync } from 'node:fs';
import { csvText } from './csv-text';
import { allImportMessages, ImportMessage, ImportWorkspace } from './import-workspace';

/** The columns the generic writer uses, and the mapping that names them. */
export const GENERIC_MAPPING = {
  id: 'msg_id',
  author: 'user',
  author_id: 'user_id',
  text: 'body',
  timestamp: 'sent_at',
  thread_parent_id: 'parent',
  channel: 'room',
  edited_at: 'edited_at',
  deleted: 'deleted',
};

export const genericIds = {
  message: (channelKey: string, messageKey: string) => `${channelKey}-${messageKey}`,
};

/**
 * Writes the whole workspace as one file, a row per message in time order, the room in a column:
 * mentions as `@Name`, an edited row with its new text and `edited_at`, a deleted row emptied and
 * flagged with the deletion time in `edited_at`. Rewriting it is taking a newer export.
 */
export function writeGenericImport(path: string, state: ImportWorkspace, format: 'csv' | 'jsonl'): void {
  const rows = state.workspace.channels
    .flatMap((channel) => {
      const parents = new Map<string, ImportMessage>();
      for (const parent of channel.messages as ImportMessage[]) {
        for (const reply of parent.replies ?? []) parents.set(reply.key, parent);
      }
      return allImportMessages(channel).map((message) => ({ channel, message, parent: parents.get(message.key) }));
    })
    .sort((a, b) => a.message.at.getTime() - b.message.at.getTime())
    .map(({ channel, message, parent }) => {
      const author = state.user(message.author);
      const changedAt = message.deletedAt ?? message.editedAt;
      return {
        msg_id: genericIds.message(channel.key, message.key),
        user: author.displayName,
        user_id: author.key,
        body: message.deletedAt ? '' : state.plainText(message.text),
        sent_at: message.at.toISOString(),
        parent: parent ? genericIds.message(channel.key, parent.key) : '',
        room: channel.name,
        edited_at: changedAt ? changedAt.toISOString() : '',
        deleted: message.deletedAt ? 'true' : 'false',
      };
    });
  if (format === 'jsonl') {
    writeFileSync(path, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
    return;
  }
  const header = Object.values(GENERIC_MAPPING);
  writeFileSync(
    path,
    csvText(
      header,
      rows.map((row) => header.map((column) => row[column as keyof typeof row])),
    ),
  );
}
