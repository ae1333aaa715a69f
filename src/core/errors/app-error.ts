import { interpolate, type Locale, type LocalizedText } from '../i18n';

export interface ErrorDetail {
  field?: string;
  code: string;
  message: LocalizedText;
  /** Plain facts about the object the detail is about (e.g. a target's accountId), shown as they are. */
  about?: Record<string, string>;
}

/**
 * An error a person can act on: an HTTP status, a stable machine code, a message in every
 * language, and optional per-field details. Services throw these; the HTTP filter renders them.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
    readonly params: Record<string, string | number> = {},
    readonly details: ErrorDetail[] = [],
    /** For 429 and 503: seconds after which trying again can succeed (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(interpolate(text.en, params));
    this.name = 'AppError';
  }

  messageIn(locale: Locale): string {
    return interpolate(this.text[locale], this.params);
  }

  static badRequest(
    code: string,
    text: LocalizedText,
    params?: Record<string, string | number>,
    details?: ErrorDetail[],
  ) {
    return new AppError(400, code, text, params, details);
  }
  static unauthorized(code = 'unauthenticated', text: LocalizedText = COMMON.unauthenticated) {
    return new AppError(401, code, text);
  }
  static forbidden(
    code = 'forbidden',
    text: LocalizedText = COMMON.forbidden,
    params?: Record<string, string | number>,
  ) {
    return new AppError(403, code, text, params);
  }
  /** 404 for anything missing or outside the caller's workspaces (never 403: ids must not be probed). */
  static notFound(what: LocalizedText = COMMON.thing) {
    return new AppError(404, 'not_found', { id: `${what.id} tidak ditemukan.`, en: `${what.en} not found.` });
  }
  static conflict(code: string, text: LocalizedText, params?: Record<string, string | number>) {
    return new AppError(409, code, text, params);
  }
  static unprocessable(
    code: string,
    text: LocalizedText,
    params?: Record<string, string | number>,
    details?: ErrorDetail[],
  ) {
    return new AppError(422, code, text, params, details);
  }
  static tooManyRequests(
    code: string,
    text: LocalizedText,
    retryAfterSeconds: number,
    params?: Record<string, string | number>,
  ) {
    return new AppError(429, code, text, params, [], retryAfterSeconds);
  }
}

export const COMMON = {
  unauthenticated: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  forbidden: {
    id: 'Peran Anda di ruang kerja ini tidak mengizinkan tindakan ini.',
    en: 'Your role in this workspace does not allow this action.',
  },
  thing: { id: 'Data', en: 'Resource' },
  route: { id: 'Alamat', en: 'Route' },
  invalidInput: { id: 'Data yang dikirim tidak valid.', en: 'The submitted data is invalid.' },
  malformedJson: { id: 'Badan permintaan bukan JSON yang valid.', en: 'The request body is not valid JSON.' },
  payloadTooLarge: { id: 'Badan permintaan terlalu besar.', en: 'The request body is too large.' },
  conflict: { id: 'Data ini sudah ada.', en: 'This already exists.' },
  busy: {
    id: 'Server sedang sibuk. Coba lagi beberapa detik lagi.',
    en: 'The server is busy. Try again in a few seconds.',
  },
  internal: {
    id: 'Terjadi kesalahan di server. Coba lagi; jika berulang, hubungi admin dengan kode permintaan {requestId}.',
    en: 'Something went wrong on the server. Try again; if it persists, give your admin request id {requestId}.',
  },
} satisfies Record<string, LocalizedText>;
