export * from './nats-connection';
export * from './event-stream';
export * from './event-store';
export * from './durable-consumer';
export * from './jetstream-event-context';
export * from './jetstream-transport';
export * from './on-event.decorator';
export * from './pass-through-rpc.filter';
