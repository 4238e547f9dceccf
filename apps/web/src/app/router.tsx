import { createBrowserRouter, Navigate, RouteObject } from 'react-router';
import { AskPage } from '../ask/AskPage';
import { RequireKey } from '../auth/RequireKey';
import { SignInPage } from '../auth/SignInPage';
import { ChannelsPage } from '../channels/ChannelsPage';
import { ConnectionsPage } from '../connections/ConnectionsPage';
import { JobPage } from '../jobs/JobPage';
import { JobsPage } from '../jobs/JobsPage';
import { MessagePage } from '../jobs/MessagePage';
import { knowledgeRoutes } from '../knowledge/routes';
import { SearchPage } from '../search/SearchPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { WebhooksPage } from '../webhooks/WebhooksPage';

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: (
      <RequireKey>
        <Layout />
      </RequireKey>
    ),
    children: [
      { index: true, element: <Navigate to="/connections" replace /> },
      { path: 'connections', element: <ConnectionsPage /> },
      { path: 'channels', element: <ChannelsPage /> },
      { path: 'jobs', element: <JobsPage /> },
      { path: 'jobs/:channelId/:jobId', element: <JobPage /> },
      { path: 'channels/:channelId/messages/:messageId', element: <MessagePage /> },
      { path: 'ask', element: <AskPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'webhooks', element: <WebhooksPage /> },
      ...knowledgeRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
