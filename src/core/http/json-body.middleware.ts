import type { NextFunction, Request, Response } from 'express';
import { AppError, COMMON, sendError } from '../errors';
import { declaredLength, hasBody, payloadTooLarge, streamBody, unsupportedContentType } from './request-body';
import { findUnacceptableText, unacceptableTextError } from './text-checks';

/** A route that reads its own raw body (a media upload), by method and path. */
export interface RawBodyRoute {
  method: string;
  path: RegExp;
}

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json$/;
const NOT_UTF8 = { id: 'Badan permintaan bukan UTF-8 yang valid.', en: 'The request body is not valid UTF-8.' };

/**
 * The one body parser: every body is JSON of at most `limitBytes`, refused with 413 by its
 * Content-Length before a byte is read, or as soon as a chunked body passes the limit; any other
 * content type gets 415. Only `rawRoutes` are left alone: they stream their own body under their
 * own limits, after their guards ran.
 */
export function jsonBodyMiddleware(options: { limitBytes: number; rawRoutes: readonly RawBodyRoute[] }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!hasBody(req) || options.rawRoutes.some((route) => route.method === req.method && route.path.test(req.path)))
      return next();
    const problem = refusal(req, options.limitBytes);
    if (problem) return sendError(req, res, problem);
    const chunks: Buffer[] = [];
    streamBody(req, options.limitBytes, (chunk) => void chunks.push(chunk))
      .then(() => {
        req.body = parseJson(Buffer.concat(chunks));
        next();
      })
      .catch((error: unknown) =>
        sendError(
          req,
          res,
          error instanceof AppError ? error : AppError.badRequest('malformed_json', COMMON.malformedJson),
        ),
      );
  };
}

function refusal(req: Request, limitBytes: number): AppError | null {
  const [type = '', ...parameters] = (req.headers['content-type'] ?? '')
    .toLowerCase()
    .split(';')
    .map((part) => part.trim());
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (!JSON_TYPE.test(type) || (charset !== undefined && charset !== 'utf-8'))
    return unsupportedContentType(req.headers['content-type']);
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity')
    return unsupportedContentType(`${type}; content-encoding=${encoding}`);
  const length = declaredLength(req);
  if (length !== null && !(length <= limitBytes)) return payloadTooLarge(limitBytes);
  return null;
}

function parseJson(bytes: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw AppError.badRequest('malformed_json', NOT_UTF8);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw AppError.badRequest('malformed_json', COMMON.malformedJson);
  }
  const badField = findUnacceptableText(value);
  if (badField) throw unacceptableTextError(badField);
  return value;
}
