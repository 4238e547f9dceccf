/** The parts of Microsoft Graph's resources the Teams connector reads (Graph v1.0). */

export interface GraphIdentity {
  id?: string | null;
  displayName?: string | null;
}

export interface GraphIdentitySet {
  user?: GraphIdentity | null;
  application?: GraphIdentity | null;
  device?: GraphIdentity | null;
  conversation?: GraphIdentity | null;
}

export interface GraphMention {
  /** Matches the `id` attribute of an `<at>` element in the body. */
  id: number | string;
  mentionText?: string | null;
  mentioned?: GraphIdentitySet | null;
}

export interface GraphAttachment {
  id?: string | null;
  contentType?: string | null;
  contentUrl?: string | null;
  name?: string | null;
}

export interface GraphChatMessage {
  id: string;
  replyToId?: string | null;
  messageType?: string | null;
  createdDateTime: string;
  lastModifiedDateTime?: string | null;
  lastEditedDateTime?: string | null;
  deletedDateTime?: string | null;
  webUrl?: string | null;
  from?: GraphIdentitySet | null;
  body?: { contentType?: 'html' | 'text' | string; content?: string | null } | null;
  mentions?: GraphMention[] | null;
  attachments?: GraphAttachment[] | null;
  /** With `$expand=replies`: the first replies (up to 1000, newest first) and a link to the others. */
  replies?: GraphChatMessage[];
  'replies@odata.nextLink'?: string;
}

/** What a delta answer lists for a message that left the channel's view (deleted for good). */
export interface GraphRemovedEntry {
  id: string;
  '@removed': { reason?: string };
}

export type GraphDeltaEntry = GraphChatMessage | GraphRemovedEntry;

export interface GraphCollection<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface GraphChannel {
  id: string;
  displayName: string;
  description?: string | null;
  membershipType?: string | null;
  createdDateTime?: string | null;
  webUrl?: string | null;
}

export function isRemovedEntry(entry: GraphDeltaEntry): entry is GraphRemovedEntry {
  return (entry as GraphRemovedEntry)['@removed'] !== undefined;
}
