import { EventPattern } from '@nestjs/microservices';
import type { EventType } from '@atlas/events';

/**
 * Declares a handler for events of the catalogue, served by one worker's JetStream transport (the
 * pattern is the event type). The handler receives the validated event and a JetStreamEventContext.
 */
export function OnEvent(types: EventType | readonly EventType[], worker: symbol): MethodDecorator {
  return EventPattern<string | string[]>(typeof types === 'string' ? types : [...types], worker);
}
