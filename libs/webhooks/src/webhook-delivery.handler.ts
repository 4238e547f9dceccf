import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { TransientError } from '@atlas/common';
import type { AtlasConfig, ResolvedSecrets } from '@atlas/config';
import { createEvent } from '@atlas/events';
import type { AtlasEvent, EventDataOf, WebhookAttemptOutcome } from '@atlas/events';
import { EventStore, JetStreamEventContext, OnEvent } from '@atlas/messaging';
import { SecretBox } from '@atlas/platforms';
import { ATLAS_CONFIG, SECRETS, WORKER } from '@atlas/runtime';
import { afterFailedAttempt } from './delivery-backoff';
import { AttemptResult, postWebhook } from './post-webhook';
import { WEBHOOKS_PRODUCER } from './webhook-fanout.handler';
import { loadWebhook } from './webhook-log';
import { WEBHOOK_HEADERS, webhookSignature } from './webhook-signature';

/** The body a receiver gets: the same bytes on every attempt of a delivery. */
export function webhookBody(request: EventDataOf<'WebhookDeliveryRequested'>): string {
  return JSON.stringify({ delivery_id: request.delivery_id, webhook_id: request.webhook_id, event: request.event });
}

/**
 * Sends delivery requests, each attempt one delivery of its WebhookDeliveryRequested by the durable consumer
 * `webhook-delivery`: a failed attempt is recorded (WebhookDeliveryAttempted) and the request nak'ed with the
 * backoff's delay, so JetStream holds the retry through restarts; the last allowed attempt that fails records
 * `failed` and acknowledges it. A delivery is acknowledged only after its outcome is in the log, so a process
 * that dies in between sends it again (at least once; the receiver dedups by X-Atlas-Delivery).
 */
@Controller()
export class WebhookDeliveryHandler {
  private box: SecretBox | null = null;

  constructor(
    private readonly events: EventStore,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
    @Inject(SECRETS) private readonly secrets: ResolvedSecrets,
  ) {}

  @OnEvent('WebhookDeliveryRequested', WORKER['webhook-delivery'])
  async deliver(@Payload() event: AtlasEvent, @Ctx() context: JetStreamEventContext): Promise<void> {
    if (event.type !== 'WebhookDeliveryRequested') return;
    const request = event.data;
    const webhook = await loadWebhook(this.events, request.webhook_id);
    // A deleted webhook's deliveries end with it.
    if (webhook.status !== 'registered') return;
    const attempt = context.deliveryCount;
    const body = webhookBody(request);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = {
      [WEBHOOK_HEADERS.delivery]: request.delivery_id,
      [WEBHOOK_HEADERS.event]: request.event.type,
      [WEBHOOK_HEADERS.attempt]: String(attempt),
      [WEBHOOK_HEADERS.timestamp]: timestamp,
    };
    const sealed = webhook.registration.secret;
    if (sealed)
      headers[WEBHOOK_HEADERS.signature] = webhookSignature(this.secretBox().open(sealed).secret, timestamp, body);

    const result = await postWebhook(
      { url: webhook.registration.url, body, headers },
      { policy: this.config.outboundUrls, timeoutMs: this.config.webhooks.timeoutMs, signal: context.signal },
    );
    const attemptedAt = new Date();
    if (result.delivered) {
      await this.record(request, attempt, 'delivered', result, attemptedAt, null);
      return;
    }
    const next = afterFailedAttempt(attempt, this.config.webhooks);
    if (!next.retry) {
      await this.record(request, attempt, 'failed', result, attemptedAt, null);
      return;
    }
    const dueAt = new Date(attemptedAt.getTime() + next.waitMs);
    await this.record(request, attempt, 'retrying', result, attemptedAt, dueAt);
    throw new TransientError(
      `webhook delivery ${request.delivery_id} attempt ${attempt} failed: ${result.error}`,
      next.waitMs,
    );
  }

  private async record(
    request: EventDataOf<'WebhookDeliveryRequested'>,
    attempt: number,
    outcome: WebhookAttemptOutcome,
    result: AttemptResult,
    attemptedAt: Date,
    nextAttemptAt: Date | null,
  ): Promise<void> {
    await this.events.append(
      createEvent(
        'WebhookDeliveryAttempted',
        {
          delivery_id: request.delivery_id,
          webhook_id: request.webhook_id,
          attempt,
          outcome,
          status_code: result.statusCode,
          error: result.error,
          attempted_at: attemptedAt.toISOString(),
          next_attempt_at: nextAttemptAt?.toISOString() ?? null,
        },
        { producer: WEBHOOKS_PRODUCER, occurredAt: attemptedAt },
      ),
    );
  }

  private secretBox(): SecretBox {
    if (!this.secrets.secretKey) throw new Error('no ATLAS_SECRET_KEY to open webhook secrets with');
    this.box ??= new SecretBox(this.secrets.secretKey);
    return this.box;
  }
}
