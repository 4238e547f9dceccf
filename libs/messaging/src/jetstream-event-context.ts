import { JsMsg } from '@nats-io/jetstream';
import { BaseRpcContext } from '@nestjs/microservices';

/** What an @EventPattern handler gets besides the event: where it sits in the log, and its delivery. */
export class JetStreamEventContext extends BaseRpcContext<[JsMsg, AbortSignal]> {
  get message(): JsMsg {
    return this.args[0];
  }

  /** Stream sequence of the event. */
  get seq(): number {
    return this.args[0].seq;
  }

  get subject(): string {
    return this.args[0].subject;
  }

  /** 1 on the first delivery; more means an earlier attempt crashed, timed out or was nak'ed. */
  get deliveryCount(): number {
    return this.args[0].info.deliveryCount;
  }

  /** Aborts when the worker shuts down: long handlers stop and the message is redelivered elsewhere. */
  get signal(): AbortSignal {
    return this.args[1];
  }
}
