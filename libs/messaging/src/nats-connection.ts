import { connect, NatsConnection } from '@nats-io/transport-node';

/**
 * Connects with unlimited reconnects: a restarted NATS must not take a service down, the client
 * reconnects and JetStream consumers resume where their acks left them.
 */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: url.split(',').map((s) => s.trim()),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
    timeout: 5_000,
  });
}
