import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ChannelSummary } from '../api/types';

/** A channel's summary (name, platform), for pages addressed by its id; null until known or if gone. */
export function useChannel(channelId: string): ChannelSummary | null {
  const [channel, setChannel] = useState<ChannelSummary | null>(null);
  useEffect(() => {
    let live = true;
    api
      .channels()
      .then(({ channels }) => live && setChannel(channels.find((c) => c.channel_id === channelId) ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [channelId]);
  return channel;
}
