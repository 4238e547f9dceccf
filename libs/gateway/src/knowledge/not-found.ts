import { NotFoundError } from '@atlas/common';

export function channelNotFound(channelId: string): NotFoundError {
  return new NotFoundError('CHANNEL_NOT_FOUND', `Channel ${channelId} does not exist`, { channel_id: channelId });
}

export function entityNotFound(entityId: string): NotFoundError {
  return new NotFoundError('ENTITY_NOT_FOUND', `No entity ${entityId}`, { entity_id: entityId });
}

export function factNotFound(channelId: string, factId: string): NotFoundError {
  return new NotFoundError('FACT_NOT_FOUND', `Channel ${channelId} has no fact ${factId}`, {
    channel_id: channelId,
    fact_id: factId,
  });
}

/** `movedTo`: the page that now holds what the slug named (a topic that is an entity has the entity's page). */
export function wikiPageNotFound(channelId: string, slug: string, movedTo: string | null = null): NotFoundError {
  const message = `Channel ${channelId} has no wiki page ${slug}`;
  return movedTo === null
    ? new NotFoundError('WIKI_PAGE_NOT_FOUND', message, { channel_id: channelId, slug })
    : new NotFoundError('WIKI_PAGE_NOT_FOUND', `${message}: it is on page ${movedTo} now`, {
        channel_id: channelId,
        slug,
        moved_to: movedTo,
      });
}

export function wikiPageVersionNotFound(channelId: string, slug: string, version: number): NotFoundError {
  return new NotFoundError('WIKI_PAGE_VERSION_NOT_FOUND', `Wiki page ${slug} has no version ${version}`, {
    channel_id: channelId,
    slug,
    version,
  });
}

export function messageNotFound(channelId: string, messageId: string): NotFoundError {
  return new NotFoundError('MESSAGE_NOT_FOUND', `Channel ${channelId} has no stored message ${messageId}`, {
    channel_id: channelId,
    message_id: messageId,
  });
}
