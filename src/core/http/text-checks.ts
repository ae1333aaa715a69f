import type { NextFunction, Request, Response } from 'express';
import { AppError, COMMON, sendError } from '../errors';

const TEXT = {
  badText: {
    id: 'Teks berisi karakter yang tidak sah (karakter NUL atau UTF-16 yang rusak). Hapus karakter itu lalu kirim lagi.',
    en: 'The text contains characters that are not allowed (a NUL character or broken UTF-16). Remove them and send again.',
  },
  badUrl: {
    id: 'Alamat permintaan berisi pengodean persen yang tidak valid.',
    en: 'The request address contains invalid percent-encoding.',
  },
};

/** NUL (Postgres cannot store it in text), or a UTF-16 surrogate without its pair (not Unicode at all). */
const UNACCEPTABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isAcceptableText(text: string): boolean {
  return !UNACCEPTABLE.test(text);
}

/** A copy of a JSON-like value with NUL and unpaired surrogates removed from every string (for text we do not control, such as a platform's reply). */
export function withoutUnacceptableText<T>(value: T): T {
  const clean = (text: string) => text.replace(new RegExp(UNACCEPTABLE.source, 'g'), '');
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutUnacceptableText(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [clean(key), withoutUnacceptableText(child)]),
  ) as T;
}

/** The path (a.b.0) of the first unacceptable key or string inside a parsed JSON value, or null. */
export function findUnacceptableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return isAcceptableText(value) ? null : path.join('.') || '(body)';
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    if (!isAcceptableText(key)) return [...path, '(key)'].join('.');
    const found = findUnacceptableText(child, [...path, key]);
    if (found) return found;
  }
  return null;
}

export function unacceptableTextError(field: string): AppError {
  return AppError.badRequest('invalid_input', COMMON.invalidInput, {}, [
    { field, code: 'invalid_text', message: TEXT.badText },
  ]);
}

/**
 * Refuses a request whose path or query string decodes to unacceptable text (or does not decode at
 * all), before any route reads it: a NUL in a slug or id must be a 400, never a database error.
 */
export function urlTextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const url = req.originalUrl;
  const mark = url.indexOf('?');
  const [path, query] = mark === -1 ? [url, ''] : [url.slice(0, mark), url.slice(mark + 1)];
  const parts: Array<[field: string, raw: string[]]> = [
    ['path', path.split('/')],
    ['query', query.split(/[&=]/).map((part) => part.replace(/\+/g, ' '))],
  ];
  for (const [field, raws] of parts) {
    for (const raw of raws) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(raw);
      } catch {
        return sendError(req, res, AppError.badRequest('invalid_url', TEXT.badUrl));
      }
      if (!isAcceptableText(decoded)) return sendError(req, res, unacceptableTextError(field));
    }
  }
  next();
}
