import { Body, Controller, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { ImportAnswer, ImportsService } from './imports.service';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';
import type { StagedFile } from './upload-storage';

@Controller('api/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** 201 with the new connection; 200 with the existing one when the same file was imported before. */
  @Post()
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
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
