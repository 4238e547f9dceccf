import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { ExportQuery } from './export.dto';
import { WikiExportService } from './wiki-export.service';

/** A channel's wiki and knowledge as a download, for Obsidian and other tools (docs/API.md#export). */
@ApiKeyRequired()
@Controller('api/wiki')
export class WikiExportController {
  constructor(private readonly exports: WikiExportService) {}

  @Get(':channel_id/export')
  @ApiOperation({
    summary: "Download a channel's wiki as a ZIP: Markdown notes, or facts, entities and relations as JSON Lines",
    description:
      '`format=markdown` (default): one note per page, `<channel>/<slug>.md`, with YAML front matter (title, channel, ' +
      'slug, version, updated_at), Obsidian links `[[slug|text]]` between pages and citations as footnotes ' +
      'with the permalink. `format=json`: `facts.jsonl`, `entities.jsonl`, `relations.jsonl`, one JSON object a ' +
      'line (facts and entities as the knowledge API shows them). Streamed as it is read.',
  })
  @ApiResponse({
    status: 200,
    description: 'The ZIP, as an attachment',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 404: ['CHANNEL_NOT_FOUND'] })
  async export(@Param('channel_id') channelId: string, @Query() query: ExportQuery): Promise<StreamableFile> {
    const { stream, fileName } = await this.exports.open(channelId, query.format ?? 'markdown');
    return new StreamableFile(stream, { type: 'application/zip', disposition: `attachment; filename="${fileName}"` });
  }
}
