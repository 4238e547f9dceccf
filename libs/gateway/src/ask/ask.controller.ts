import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { AskRequestDto } from './ask.dto';
import { AskAnswerView } from './ask-view';
import { AskService } from './ask.service';

/** Questions to the knowledge base, answered with cited facts. */
@ApiKeyRequired()
@Controller('api/ask')
export class AskController {
  constructor(private readonly asking: AskService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer a question from the current facts and wiki sections, each cited',
    description:
      'The question without its stop words is searched for (GET /api/search) among the facts and wiki sections of ' +
      'the channels named (every channel when none). The current facts that hold at least a quarter of its words answer, ' +
      'numbered by relevance and grouped by entity in time order, with the wiki sections that cover it; ' +
      '`answered: false` when nothing supports an answer. With an LLM configured, `prose` is the answer written by ' +
      'the model from those facts only, each sentence citing [n] facts; sentences without a valid citation are dropped.',
  })
  @ApiOkResponse({ type: AskAnswerView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 404: ['CHANNEL_NOT_FOUND'] })
  ask(@Body() body: AskRequestDto): Promise<AskAnswerView> {
    return this.asking.ask(body);
  }
}
