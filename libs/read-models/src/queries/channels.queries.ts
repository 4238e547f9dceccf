import type { ReadModelStore } from '@atlas/store';
import type { ChannelDoc, ConnectionDoc, ScheduleDoc } from '../documents';

export class ChannelsQueries {
  constructor(private readonly store: ReadModelStore) {}

  get(channelId: string): Promise<ChannelDoc | null> {
    return this.store.get<ChannelDoc>('channels', channelId);
  }

  list(filter: { connection_id?: string } = {}): Promise<ChannelDoc[]> {
    return this.store.find<ChannelDoc>('channels', {
      where: filter.connection_id ? { connection_id: filter.connection_id } : {},
      orderBy: [['name', 'asc']],
    });
  }
}

export class ConnectionsQueries {
  constructor(private readonly store: ReadModelStore) {}

  get(connectionId: string): Promise<ConnectionDoc | null> {
    return this.store.get<ConnectionDoc>('connections', connectionId);
  }

  list(): Promise<ConnectionDoc[]> {
    return this.store.find<ConnectionDoc>('connections', { orderBy: [['created_at', 'asc']] });
  }
}

export class SchedulesQueries {
  constructor(private readonly store: ReadModelStore) {}

  get(channelId: string): Promise<ScheduleDoc | null> {
    return this.store.get<ScheduleDoc>('schedules', channelId);
  }

  list(): Promise<ScheduleDoc[]> {
    return this.store.find<ScheduleDoc>('schedules', { orderBy: [['id', 'asc']] });
  }
}
