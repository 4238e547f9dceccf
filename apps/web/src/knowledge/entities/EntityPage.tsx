import { Link, useParams, useSearchParams } from 'react-router';
import { FactCard } from '../facts/FactCard';
import { humanize } from '../format';
import { knowledgeApi } from '../knowledge-api';
import { LoadState } from '../LoadState';
import { knowledgePaths } from '../paths';
import type { EntityDetail } from '../types';
import { useLoad } from '../use-load';
import { EntityGraph } from './EntityGraph';

/** An entity of the graph: what it is, its relations (listed and drawn) and its latest facts. */
export function EntityPage() {
  const { entityId = '' } = useParams();
  const [search] = useSearchParams();
  const detail = useLoad(() => knowledgeApi.entity(entityId), entityId);
  return (
    <section className="kn-entity">
      <p className="kn-small">
        <Link to={knowledgePaths.home()}>Knowledge</Link> / entities
      </p>
      <LoadState loaded={detail} what="the entity">
        {(detail) => <EntityView detail={detail} channelId={search.get('channel') ?? detail.entity.channel_ids[0]} />}
      </LoadState>
    </section>
  );
}

function EntityView({ detail, channelId }: { detail: EntityDetail; channelId?: string }) {
  const { entity, relations, facts } = detail;
  const factsSearch = new URLSearchParams({ entity: entity.id, entity_name: entity.name });
  return (
    <>
      <h1>
        {entity.name} <span className="kn-badge">{entity.type}</span>
      </h1>
      {entity.aliases.length > 0 && <p className="kn-muted">Also called {entity.aliases.join(', ')}</p>}
      <p>
        {entity.fact_count} fact{entity.fact_count === 1 ? '' : 's'}
        {channelId && (
          <>
            {' · '}
            <Link to={knowledgePaths.facts(channelId, factsSearch)}>Explore its facts in this channel</Link>
          </>
        )}
      </p>
      <div className="kn-entity-grid">
        <section aria-labelledby="kn-relations">
          <h2 id="kn-relations">Relations</h2>
          <EntityGraph detail={detail} channelId={channelId} />
          {relations.length === 0 ? (
            <p className="kn-muted">No relations yet.</p>
          ) : (
            <div className="kn-table-wrap">
              <table className="kn-table">
                <thead>
                  <tr>
                    <th scope="col">Relation</th>
                    <th scope="col">Entity</th>
                    <th scope="col">Evidence</th>
                  </tr>
                </thead>
                <tbody>
                  {relations.map((relation) => (
                    <tr key={relation.id}>
                      <td>
                        {relation.direction === 'outgoing'
                          ? humanize(relation.type)
                          : `${humanize(relation.type)} (by)`}
                      </td>
                      <td>
                        <Link to={knowledgePaths.entity(relation.other.id, channelId)}>
                          {relation.other.name ?? relation.other.id}
                        </Link>
                        {relation.other.type && <span className="kn-muted"> ({relation.other.type})</span>}
                      </td>
                      <td>
                        {relation.fact_ids.length} fact{relation.fact_ids.length === 1 ? '' : 's'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="kn-entity-facts">
          <h2 id="kn-entity-facts">Latest facts</h2>
          {facts.length === 0 ? (
            <p className="kn-muted">No facts.</p>
          ) : (
            <ol className="kn-fact-list">
              {facts.map((fact) => (
                <li key={fact.id}>
                  <FactCard fact={fact} />
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
