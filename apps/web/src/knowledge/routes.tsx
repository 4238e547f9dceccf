import type { RouteObject } from 'react-router';

/**
 * The Knowledge section's routes (wiki, facts, entities), mounted under the signed-in layout at
 * /knowledge. A placeholder until the knowledge pages fill it.
 */
export const knowledgeRoutes: RouteObject[] = [
  {
    path: 'knowledge',
    element: (
      <section>
        <h1>Knowledge</h1>
        <p>The wiki, facts and entities of synced channels will be browsed here.</p>
      </section>
    ),
  },
];
