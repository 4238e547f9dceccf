import { Controller, Get, Param, Query } from '@nestjs/common';
import { WikiPageQuery } from './knowledge.dto';
import { WikiService } from './wiki.service';

/** The wiki generated for each channel: its pages, their rendered text and sources, and their versions. */
@Controller('api/wiki')
export class WikiController {
  constructor(private readonly wiki: WikiService) {}

  @Get(':channel_id')
  index(@Param('channel_id') channelId: string) {
    return this.wiki.index(channelId);
  }

  @Get(':channel_id/pages/:slug')
  page(@Param('channel_id') channelId: string, @Param('slug') slug: string, @Query() query: WikiPageQuery) {
    return this.wiki.page(channelId, slug, query.version);
  }

  @Get(':channel_id/pages/:slug/versions')
  versions(@Param('channel_id') channelId: string, @Param('slug') slug: string) {
    return this.wiki.versions(channelId, slug);
  }
}
