import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Hands a handler's error to the JetStream transport untouched. Nest's default filter would log every
 * one as an error, but most are expected (a nak for a platform's Retry-After, a shutdown); the transport
 * decides what they mean and logs them at the right level.
 */
@Catch()
export class PassThroughRpcFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
