import { Navigate, type RouteObject } from 'react-router';
import { EntityPage } from './entities/EntityPage';
import { FactHistory } from './facts/FactHistory';
import { FactsExplorer } from './facts/FactsExplorer';
import { ChannelKnowledge } from './ChannelKnowledge';
import { KnowledgeHome } from './KnowledgeHome';
import { WikiBrowser } from './wiki/WikiBrowser';
import { WikiVersions } from './wiki/WikiVersions';
import './knowledge.css';

/**
 * The Knowledge section (docs/UI.md, Knowledge pages), mounted under the signed-in layout at /knowledge: a
 * channel's wiki and facts, and the graph's entities (which span channels).
 */
export const knowledgeRoutes: RouteObject[] = [
  { path: 'knowledge', element: <KnowledgeHome /> },
  { path: 'knowledge/entities/:entityId', element: <EntityPage /> },
  {
    path: 'knowledge/:channelId',
    element: <ChannelKnowledge />,
    children: [
      { index: true, element: <Navigate to="wiki" replace /> },
      { path: 'wiki', element: <WikiBrowser /> },
      { path: 'wiki/:slug', element: <WikiBrowser /> },
      { path: 'wiki/:slug/versions', element: <WikiVersions /> },
      { path: 'facts', element: <FactsExplorer /> },
      { path: 'facts/:factId', element: <FactHistory /> },
    ],
  },
];
