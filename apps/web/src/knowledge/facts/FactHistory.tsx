import { Link, useParams } from 'react-router';
import { knowledgeApi } from '../knowledge-api';
import { LoadState } from '../LoadState';
import { knowledgePaths } from '../paths';
import { useLoad } from '../use-load';
import { FactCard } from './FactCard';

/** One fact and its supersession chain: what it replaced and what replaced it, oldest first. */
export function FactHistory() {
  const { channelId = '', factId = '' } = useParams();
  const detail = useLoad(() => knowledgeApi.fact(channelId, factId), `${channelId}/${factId}`);
  return (
    <section aria-labelledby="kn-fact-history">
      <p>
        <Link to={knowledgePaths.facts(channelId)}>← All facts</Link>
      </p>
      <h2 id="kn-fact-history">Fact history</h2>
      <LoadState loaded={detail} what="the fact">
        {({ chain }) => (
          <>
            <p className="kn-muted">
              {chain.length === 1
                ? 'Nothing replaced this fact and it replaced nothing.'
                : `${chain.length} facts set the same thing in turn, oldest first; the last one holds now.`}
            </p>
            <ol className="kn-fact-list kn-chain">
              {chain.map((fact) => (
                <li key={fact.id}>
                  <FactCard fact={fact} current={fact.id === factId} />
                </li>
              ))}
            </ol>
          </>
        )}
      </LoadState>
    </section>
  );
}
