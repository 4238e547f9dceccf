import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, newId, NotFoundError, ValidationError } from '@atlas/common';
import type { AtlasConfig, ResolvedSecrets } from '@atlas/config';
import { createEvent } from '@atlas/events';
import type { WebhookEventType } from '@atlas/events';
import { EventStore, WrongExpectedSequenceError } from '@atlas/messaging';
import { outboundUrlProblem } from '@atlas/outbound';
import { SecretBox } from '@atlas/platforms';
import { waitForProjection, WebhooksQueries } from '@atlas/read-models';
import { ATLAS_CONFIG, READ_MODEL_STORE, SECRETS } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { decideDeletion, decideRegistration, loadWebhook } from '@atlas/webhooks';
import { DEFAULT_PAGE_SIZE } from '../knowledge/knowledge.dto';
import { decodeCursor, encodeCursor } from '../knowledge/cursor';
import {
  DeletedWebhookView,
  deliveryView,
  WebhookDeliveriesView,
  WebhooksListView,
  WebhookView,
  webhookView,
} from './webhook-views';

export interface NewWebhook {
  url: string;
  events: WebhookEventType[];
  secret: string | null;
}

/**
 * Webhooks: registered and deleted through their own subject of the log (so they survive restarts and a
 * rebuild), read from the read models. The URL obeys the outbound-URL policy of platform URLs; the secret
 * is sealed like connection credentials before it enters the event, and no answer contains it.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly events: EventStore,
    private readonly webhooks: WebhooksQueries,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
    @Inject(SECRETS) private readonly secrets: ResolvedSecrets,
  ) {}

  async create(input: NewWebhook): Promise<WebhookView> {
    const problem = outboundUrlProblem(input.url, this.config.outboundUrls);
    if (problem !== null) throw new ValidationError(`url ${problem}`, { problems: [`url ${problem}`] });
    const webhookId = newId('wh');
    const decision = decideRegistration(await loadWebhook(this.events, webhookId), {
      webhook_id: webhookId,
      url: input.url,
      events: [...new Set(input.events)],
      secret: input.secret === null ? null : this.secretBox().seal({ secret: input.secret }),
    });
    const { seq } = await this.events
      .append(createEvent('WebhookRegistered', decision.data, { producer: 'gateway' }), {
        expectedLastSubjectSeq: decision.expectedLastSubjectSeq,
      })
      .catch((error) => {
        if (error instanceof WrongExpectedSequenceError) {
          throw new ConflictError('WEBHOOK_EXISTS', `Webhook ${webhookId} already exists`);
        }
        throw error;
      });
    await waitForProjection(this.store, seq, this.config.readYourWritesTimeoutMs);
    return this.get(webhookId);
  }

  async list(): Promise<WebhooksListView> {
    return { webhooks: (await this.webhooks.list()).map(webhookView) };
  }

  async get(webhookId: string): Promise<WebhookView> {
    const doc = await this.webhooks.get(webhookId);
    if (!doc) throw new NotFoundError('WEBHOOK_NOT_FOUND', `No webhook ${webhookId}`);
    return webhookView(doc);
  }

  /** Deletes a webhook: its pending deliveries are not sent, and its delivery log goes with it. */
  async delete(webhookId: string): Promise<DeletedWebhookView> {
    for (;;) {
      const decision = decideDeletion(await loadWebhook(this.events, webhookId), webhookId);
      try {
        const { seq } = await this.events.append(
          createEvent('WebhookDeleted', decision.data, { producer: 'gateway' }),
          { expectedLastSubjectSeq: decision.expectedLastSubjectSeq },
        );
        await waitForProjection(this.store, seq, this.config.readYourWritesTimeoutMs);
        return { webhook_id: webhookId, deleted: true };
      } catch (error) {
        // Someone else changed it first: decide again on what they wrote (a second delete is a 404).
        if (!(error instanceof WrongExpectedSequenceError)) throw error;
      }
    }
  }

  async deliveries(webhookId: string, page: { limit?: number; cursor?: string }): Promise<WebhookDeliveriesView> {
    const before = decodeCursor(page.cursor);
    await this.get(webhookId);
    const found = await this.webhooks.deliveries(webhookId, { before, limit: page.limit ?? DEFAULT_PAGE_SIZE });
    return { deliveries: found.items.map(deliveryView), next_cursor: encodeCursor(found.next_before) };
  }

  private secretBox(): SecretBox {
    if (!this.secrets.secretKey) throw new Error('the gateway has no ATLAS_SECRET_KEY to seal webhook secrets with');
    return new SecretBox(this.secrets.secretKey);
  }
}
