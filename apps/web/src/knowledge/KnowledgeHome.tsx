import { Link } from 'react-router';
import { api } from '../api/client';
import { formatTime } from './format';
import { LoadState } from './LoadState';
import { knowledgePaths } from './paths';
import { useLoad } from './use-load';

/** The channels whose knowledge can be read: each one's wiki and facts. */
export function KnowledgeHome() {
  const channels = useLoad(() => api.channels(), 'channels');
  return (
    <section aria-labelledby="kn-home-title">
      <h1 id="kn-home-title">Knowledge</h1>
      <p className="kn-muted">The wiki, facts and graph written from each synced channel.</p>
      <LoadState loaded={channels} what="the channels">
        {({ channels }) =>
          channels.length === 0 ? (
            <p>
              No channels yet: add a connection first (<Link to="/connections">Connections</Link>).
            </p>
          ) : (
            <ul className="kn-channel-list">
              {channels.map((channel) => (
                <li key={channel.channel_id} className="kn-channel">
                  <h2 className="kn-channel-name">#{channel.name}</h2>
                  <p className="kn-muted kn-small">
                    {channel.platform} ·{' '}
                    {channel.last_sync ? `last synced ${formatTime(channel.last_sync)}` : 'never synced'}
                  </p>
                  <p className="kn-channel-links">
                    <Link to={knowledgePaths.wiki(channel.channel_id)}>
                      Wiki<span className="kn-visually-hidden"> of #{channel.name}</span>
                    </Link>
                    <Link to={knowledgePaths.facts(channel.channel_id)}>
                      Facts<span className="kn-visually-hidden"> of #{channel.name}</span>
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}
