import { Link, NavLink, Outlet, useParams } from 'react-router';
import { api } from '../api/client';
import { knowledgePaths } from './paths';
import { useLoad } from './use-load';

/** A channel's knowledge: its name, tabs for its wiki and facts, and the open one. */
export function ChannelKnowledge() {
  const { channelId = '' } = useParams();
  const channels = useLoad(() => api.channels(), 'channels');
  const name =
    channels.state === 'ready'
      ? channels.data.channels.find((channel) => channel.channel_id === channelId)?.name
      : undefined;
  return (
    <section className="kn-channel-knowledge">
      <p className="kn-small">
        <Link to={knowledgePaths.home()}>Knowledge</Link> /
      </p>
      <h1>{name ? `#${name}` : channelId}</h1>
      <nav aria-label="Channel knowledge" className="kn-tabs">
        <NavLink to={knowledgePaths.wiki(channelId)}>Wiki</NavLink>
        <NavLink to={knowledgePaths.facts(channelId)}>Facts</NavLink>
      </nav>
      <Outlet />
    </section>
  );
}
