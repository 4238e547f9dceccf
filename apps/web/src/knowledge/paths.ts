/** Where each knowledge page lives in the app (routes.tsx mounts them under /knowledge). */
const at = (...parts: string[]) => `/knowledge/${parts.map(encodeURIComponent).join('/')}`;

export const knowledgePaths = {
  home: () => '/knowledge',
  wiki: (channelId: string) => at(channelId, 'wiki'),
  wikiPage: (channelId: string, slug: string) => at(channelId, 'wiki', slug),
  wikiVersions: (channelId: string, slug: string) => at(channelId, 'wiki', slug, 'versions'),
  facts: (channelId: string, search?: URLSearchParams) => {
    const query = search?.toString();
    return query ? `${at(channelId, 'facts')}?${query}` : at(channelId, 'facts');
  },
  fact: (channelId: string, factId: string) => at(channelId, 'facts', factId),
  entity: (entityId: string, channelId?: string) =>
    channelId ? `${at('entities', entityId)}?channel=${encodeURIComponent(channelId)}` : at('entities', entityId),
};
