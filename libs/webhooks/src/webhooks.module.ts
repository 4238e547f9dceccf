import { Module } from '@nestjs/common';
import { WebhookDeliveryHandler } from './webhook-delivery.handler';
import { WebhookFanoutHandler } from './webhook-fanout.handler';

/** Webhook delivery: the fan-out of subscribed events into delivery requests, and their sending and retries. */
@Module({ controllers: [WebhookFanoutHandler, WebhookDeliveryHandler] })
export class WebhooksModule {}
