import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { WikiPageQuery } from './knowledge.dto';
import { WikiIndexView, WikiPageView, WikiVersionsView } from './wiki-view';
import { WikiService } from './wiki.service';

/** The wiki generated for each channel: its pages, their rendered text and sources, and their versions. */
@ApiKeyRequired()
@Controller('api/wiki')
export class WikiController {
  constructor(private readonly wiki: WikiService) {}

  @Get(':channel_id')
  @ApiOperation({ summary: "A channel's wiki pages; none before its first sync wrote them" })
  @ApiOkResponse({ type: WikiIndexView })
  @ApiErrors({ 404: ['CHANNEL_NOT_FOUND'] })
  index(@Param('channel_id') channelId: string) {
    return this.wiki.index(channelId);
  }

  @Get(':channel_id/pages/:slug')
  @ApiOperation({ summary: 'A wiki page (its current version, or the one asked), rendered, with its citations' })
  @ApiOkResponse({ type: WikiPageView })
  @ApiErrors({
    400: ['VALIDATION_ERROR'],
    404: ['CHANNEL_NOT_FOUND', 'WIKI_PAGE_NOT_FOUND', 'WIKI_PAGE_VERSION_NOT_FOUND'],
  })
  page(@Param('channel_id') channelId: string, @Param('slug') slug: string, @Query() query: WikiPageQuery) {
    return this.wiki.page(channelId, slug, query.version);
  }

  @Get(':channel_id/pages/:slug/versions')
  @ApiOperation({ summary: "A wiki page's versions" })
  @ApiOkResponse({ type: WikiVersionsView })
  @ApiErrors({ 404: ['CHANNEL_NOT_FOUND', 'WIKI_PAGE_NOT_FOUND'] })
  versions(@Param('channel_id') channelId: string, @Param('slug') slug: string) {
    return this.wiki.versions(channelId, slug);
  }
}
