import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ChannelsQueries, KnowledgeQueries } from '@atlas/read-models';
import { channelNotFound, messageNotFound } from './not-found';

/** A stored message as the API shows it: what a job's `details.failing_message_id` or a citation points at. */
export class MessageView {
  @ApiProperty({ description: "The platform's message id (Slack: its `ts`)" }) message_id: string;
  @ApiProperty() channel_id: string;
  @ApiProperty({ type: 'string', nullable: true }) author_name: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) timestamp: string;
  @ApiProperty({ description: 'Empty when the message was deleted on the platform' }) text: string;
  @ApiProperty({ type: 'string', nullable: true, description: "The thread's parent message when it is a reply" })
  thread_parent_id: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Null when the platform gives none (an export)' })
  permalink: string | null;
  @ApiProperty() edited: boolean;
  @ApiProperty({ description: 'Deleted on the platform: a tombstone whose facts were retracted' }) deleted: boolean;
}

@Injectable()
export class MessagesService {
  constructor(
    private readonly channels: ChannelsQueries,
    private readonly knowledge: KnowledgeQueries,
  ) {}

  async get(channelId: string, messageId: string): Promise<MessageView> {
    const [channel, message] = await Promise.all([
      this.channels.get(channelId),
      this.knowledge.message(channelId, messageId),
    ]);
    if (!channel) throw channelNotFound(channelId);
    if (!message) throw messageNotFound(channelId, messageId);
    return {
      message_id: message.message_id,
      channel_id: message.channel_id,
      author_name: message.author_name,
      timestamp: message.timestamp,
      text: message.text,
      thread_parent_id: message.thread_parent_id,
      permalink: message.permalink,
      edited: message.edited,
      deleted: message.deleted,
    };
  }
}
