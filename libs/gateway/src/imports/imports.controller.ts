import { Body, Controller, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, ApiKeyRequired, PLATFORM_CHECK_ERRORS } from '../http/api-answers';
import { ImportUploadBody } from './imports.dto';
import { ImportAnswer, ImportsService } from './imports.service';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';
import type { StagedFile } from './upload-storage';

@ApiKeyRequired()
@Controller('api/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** 201 with the new connection; 200 with the existing one when the same file was imported before. */
  @Post()
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiOperation({ summary: 'Upload a chat export: it becomes a connection with its channels' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUploadBody })
  @ApiCreatedResponse({ type: ImportAnswer, description: 'A new connection made from the file' })
  @ApiOkResponse({ type: ImportAnswer, description: 'The same file was imported before: its connection' })
  @ApiErrors(
    {
      400: [
        'VALIDATION_ERROR',
        'FILE_REQUIRED',
        'UPLOAD_TOO_LARGE',
        'UNKNOWN_FORMAT',
        'MALFORMED_FILE',
        'RECORD_TOO_LARGE',
        'UNSAFE_ARCHIVE',
        'ARCHIVE_TOO_LARGE',
      ],
      409: ['IMPORT_EXHAUSTED'],
    },
    PLATFORM_CHECK_ERRORS,
  )
  async create(
    @UploadedFile() file: StagedFile | undefined,
    // Checked by the service, which removes the upload whatever the outcome.
    @Body() fields: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportAnswer> {
    const answer = await this.imports.import(file, fields);
    response.status(answer.already_imported ? 200 : 201);
    return answer;
  }
}
