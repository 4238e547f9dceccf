import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { ValidationError } from '@atlas/common';
import type { AtlasConfig } from '@atlas/config';
import { ATLAS_CONFIG } from '@atlas/runtime';
import { ImportRefusedError } from './import-errors';

/**
 * Names multer's refusals in the API's terms. It must wrap FileInterceptor: multer fails inside it,
 * before the route handler, and has removed what it stored by then.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  constructor(@Inject(ATLAS_CONFIG) private readonly config: AtlasConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => this.translate(error))));
  }

  private translate(error: unknown): unknown {
    const multerCode = ((error as { cause?: { code?: unknown } } | null)?.cause?.code ?? null) as string | null;
    if (multerCode === 'LIMIT_FILE_SIZE') {
      const limit = this.config.maxUploadBytes;
      return new ImportRefusedError(
        'UPLOAD_TOO_LARGE',
        `The file is larger than the upload limit of ${limit} bytes (ATLAS_MAX_UPLOAD_BYTES)`,
        { limit_bytes: limit },
      );
    }
    if (multerCode === 'LIMIT_UNEXPECTED_FILE' || multerCode === 'LIMIT_FILE_COUNT') {
      return new ValidationError('Send exactly one file, in the multipart/form-data field "file"');
    }
    return error;
  }
}
