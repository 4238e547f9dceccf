import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { CreateWebhookDto, ListDeliveriesQuery } from './webhooks.dto';
import { DeletedWebhookView, WebhookDeliveriesView, WebhooksListView, WebhookView } from './webhook-views';
import { WebhooksService } from './webhooks.service';

const NOT_FOUND = { 404: ['WEBHOOK_NOT_FOUND'] } as const;

@ApiKeyRequired()
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register a webhook: events of the catalogue are POSTed to its URL, signed when it has a secret',
  })
  @ApiCreatedResponse({ type: WebhookView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 409: ['WEBHOOK_EXISTS'] })
  create(@Body() body: CreateWebhookDto) {
    return this.webhooks.create({ url: body.url, events: body.events, secret: body.secret ?? null });
  }

  @Get()
  @ApiOperation({ summary: 'List webhooks (never their secrets)' })
  @ApiOkResponse({ type: WebhooksListView })
  list() {
    return this.webhooks.list();
  }

  @Get(':webhook_id')
  @ApiOperation({ summary: 'Get a webhook' })
  @ApiOkResponse({ type: WebhookView })
  @ApiErrors(NOT_FOUND)
  get(@Param('webhook_id') webhookId: string) {
    return this.webhooks.get(webhookId);
  }

  @Delete(':webhook_id')
  @ApiOperation({ summary: 'Delete a webhook: nothing more is delivered to it, and its delivery log goes' })
  @ApiOkResponse({ type: DeletedWebhookView })
  @ApiErrors(NOT_FOUND)
  delete(@Param('webhook_id') webhookId: string) {
    return this.webhooks.delete(webhookId);
  }

  @Get(':webhook_id/deliveries')
  @ApiOperation({ summary: "A webhook's delivery log, newest event first: each delivery with every attempt" })
  @ApiOkResponse({ type: WebhookDeliveriesView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'] }, NOT_FOUND)
  deliveries(@Param('webhook_id') webhookId: string, @Query() query: ListDeliveriesQuery) {
    return this.webhooks.deliveries(webhookId, { limit: query.limit, cursor: query.cursor });
  }
}
