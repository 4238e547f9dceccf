import { NotFoundError } from '@atlas/common';

export function channelNotFound(channelId: string): NotFoundError {
  return new NotFoundError('CHANNEL_NOT_FOUND', `Channel ${channelId} does not exist`, { channel_id: channelId });
}

export function entityNotFound(entityId: string): NotFoundError {
  return new NotFoundError('ENTITY_NOT_FOUND', `No entity ${entityId}`, { entity_id: entityId });
}

export function wikiPageNotFound(channelId: string, slug: string): NotFoundError {
  return new NotFoundError('WIKI_PAGE_NOT_FOUND', `Channel ${channelId} has no wiki page ${slug}`, {
    channel_id: channelId,
    slug,
  });
}

export function wikiPageVersionNotFound(channelId: string, slug: string, version: number): NotFoundError {
  return new NotFoundError('WIKI_PAGE_VERSION_NOT_FOUND', `Wiki page ${slug} has no version ${version}`, {
    channel_id: channelId,
    slug,
    version,
  });
}
