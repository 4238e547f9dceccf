import type { EntitiesPage, EntityDetail, FactDetail, FactsPage, WikiIndex, WikiPage, WikiVersions } from './types';
import type { FactsQuery } from './facts/fact-filters';
import { request } from '../api/http';

const getJson = <T>(url: string, query?: Record<string, string | number | undefined>) =>
  request<T>('GET', url, { query });

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** The knowledge API's read endpoints (README.md, The API). */
export const knowledgeApi = {
  wikiIndex: (channelId: string) => getJson<WikiIndex>(`/api/wiki/${path(channelId)}`),
  wikiPage: (channelId: string, slug: string, version?: number) =>
    getJson<WikiPage>(`/api/wiki/${path(channelId)}/pages/${path(slug)}`, version === undefined ? {} : { version }),
  wikiVersions: (channelId: string, slug: string) =>
    getJson<WikiVersions>(`/api/wiki/${path(channelId)}/pages/${path(slug)}/versions`),
  facts: (channelId: string, query: FactsQuery, cursor?: string) =>
    getJson<FactsPage>(`/api/channels/${path(channelId)}/facts`, cursor ? { ...query, cursor } : query),
  fact: (channelId: string, factId: string) =>
    getJson<FactDetail>(`/api/channels/${path(channelId)}/facts/${path(factId)}`),
  entities: (query: { channel_id?: string; name?: string; limit?: number }) =>
    getJson<EntitiesPage>('/api/graph/entities', query),
  entity: (entityId: string) => getJson<EntityDetail>(`/api/graph/entities/${path(entityId)}`),
};
