import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { localeFromAcceptLanguage } from '../i18n';
import { requestContext } from '../logging';

const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Gives every request an id (echoed as X-Request-Id) and a language, for logs and error messages. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  requestContext.run({ requestId, locale: localeFromAcceptLanguage(req.header('accept-language')) }, () => next());
}
