import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { MessagesService, MessageView } from './messages.service';

/** The messages a channel's syncs stored. */
@ApiKeyRequired()
@Controller('api/channels')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get(':channel_id/messages/:message_id')
  @ApiOperation({ summary: "One stored message of the channel, e.g. a failed job's `details.failing_message_id`" })
  @ApiOkResponse({ type: MessageView })
  @ApiErrors({ 404: ['CHANNEL_NOT_FOUND', 'MESSAGE_NOT_FOUND'] })
  get(@Param('channel_id') channelId: string, @Param('message_id') messageId: string) {
    return this.messages.get(channelId, messageId);
  }
}
