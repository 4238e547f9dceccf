import type { FactType, WikiPage } from '@atlas/events';
import type { ChannelDigest } from '../channel-digest';
import { PageBuilder } from '../page-builder';
import { channelLabel, factList } from '../page-parts';

const LATEST = 50;

export interface FactTypePageSpec {
  slug: string;
  title: string;
  type: FactType;
  none: string;
}

export const DECISIONS_PAGE: FactTypePageSpec = {
  slug: 'decisions',
  title: 'Decisions',
  type: 'decision',
  none: 'No decisions recorded.',
};
export const ACTION_ITEMS_PAGE: FactTypePageSpec = {
  slug: 'action-items',
  title: 'Action items',
  type: 'action_item',
  none: 'No action items recorded.',
};

/** The latest facts of one type, newest first. */
export function factTypePage(digest: ChannelDigest, spec: FactTypePageSpec): WikiPage {
  const { channel } = digest;
  const page = new PageBuilder(
    channel.channel_id,
    spec.slug,
    `${channelLabel(channel.name)}: ${spec.title}`,
    digest.messages,
  );
  factList(page, digest, digest.ofType(spec.type), { limit: LATEST, none: spec.none });
  return page.build();
}
