import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Prisma } from '../../generated/prisma/client';
import { requestContext } from '../logging';
import { AppError, COMMON } from './app-error';

/**
 * The one place HTTP errors are shaped: { error: { code, message, details?, requestId } } with the
 * message in the caller's language. Unknown errors become a 500 without internals, and are logged.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const error = appErrorOf(exception);
    if (error.status >= 500) this.logger.error({ msg: 'unhandled error', err: loggable(exception) });
    sendError(http.getRequest<Request>(), http.getResponse<Response>(), error);
  }
}

/**
 * What a thrown error means to the caller. Prisma's P2024 (no pooled connection in time) and
 * P2028 (a transaction could not start, or outlived its time) mean the database is saturated:
 * the transaction was rolled back, and trying again in a few seconds is the right advice (503).
 */
export function appErrorOf(exception: unknown): AppError {
  if (exception instanceof AppError) return exception;
  if (exception instanceof Prisma.PrismaClientKnownRequestError) {
    if (exception.code === 'P2002') return AppError.conflict('conflict', COMMON.conflict);
    if (exception.code === 'P2025') return AppError.notFound();
    if (exception.code === 'P2023') return AppError.badRequest('invalid_input', COMMON.invalidInput);
    if (exception.code === 'P2024' || exception.code === 'P2028')
      return new AppError(503, 'server_busy', COMMON.busy, {}, [], BUSY_RETRY_SECONDS);
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  return new AppError(500, 'internal', COMMON.internal, { requestId: requestContext.requestId() ?? '-' });
}

const BUSY_RETRY_SECONDS = 5;

function fromHttpException(exception: HttpException): AppError {
  const status = exception.getStatus();
  // The express adapter wraps body-parser's JSON SyntaxError in a BadRequestException.
  if (exception.cause instanceof SyntaxError) return AppError.badRequest('malformed_json', COMMON.malformedJson);
  if (status === 404) return AppError.notFound(COMMON.route);
  if (status === 401) return AppError.unauthorized();
  if (status === 403) return AppError.forbidden();
  if (status === 413) return new AppError(413, 'payload_too_large', COMMON.payloadTooLarge);
  if (status < 500) return new AppError(status, 'bad_request', COMMON.invalidInput);
  return new AppError(status, 'internal', COMMON.internal, { requestId: requestContext.requestId() ?? '-' });
}

/**
 * Writes an error in the shared shape, in the caller's language. An error answered before the
 * request body was read in full also closes the connection, so the rest of the body is never read.
 */
export function sendError(req: Request, res: Response, error: AppError): void {
  if (res.headersSent) return;
  const locale = requestContext.locale();
  if (!req.complete) res.setHeader('Connection', 'close');
  if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  res.status(error.status).json({
    error: {
      code: error.code,
      message: error.messageIn(locale),
      details: error.details.length
        ? error.details.map((d) => ({ ...d.about, field: d.field, code: d.code, message: d.message[locale] }))
        : undefined,
      requestId: requestContext.requestId(),
    },
  });
}

/**
 * Prisma's messages echo the query's data (which may hold a password or token): log only where it
 * failed, never the data.
 */
function loggable(exception: unknown): unknown {
  if (
    exception instanceof Prisma.PrismaClientValidationError ||
    exception instanceof Prisma.PrismaClientKnownRequestError
  ) {
    const where = /Invalid `[^`]+` invocation in\n?([^\n]+)/.exec(exception.message)?.[1];
    return { name: exception.name, code: 'code' in exception ? exception.code : undefined, where };
  }
  return exception;
}
