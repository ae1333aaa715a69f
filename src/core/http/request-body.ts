import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors';

const TEXT = {
  tooLarge: {
    id: 'Badan permintaan terlalu besar: paling besar {limit}.',
    en: 'The request body is too large: at most {limit}.',
  },
  unsupportedType: {
    id: 'Jenis isi "{type}" tidak diterima di sini. Kirim JSON (Content-Type: application/json).',
    en: 'Content type "{type}" is not accepted here. Send JSON (Content-Type: application/json).',
  },
  aborted: {
    id: 'Permintaan terputus sebelum selesai dikirim.',
    en: 'The request was cut off before it was complete.',
  },
};

/** True when the request carries a body (a length above zero, or chunked), as HTTP/1.1 defines it. */
export function hasBody(req: IncomingMessage): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}

/** The Content-Length the client announced, or null for a chunked body. */
export function declaredLength(req: IncomingMessage): number | null {
  const value = req.headers['content-length'];
  return value === undefined ? null : Number(value);
}

/** "1 MiB", "512 KiB", "8 MiB": limits as people read them. */
function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

export function payloadTooLarge(limitBytes: number): AppError {
  return new AppError(413, 'payload_too_large', TEXT.tooLarge, { limit: formatBytes(limitBytes) });
}

export function unsupportedContentType(type: string | undefined): AppError {
  return new AppError(415, 'unsupported_content_type', TEXT.unsupportedType, {
    type: (type ?? '').slice(0, 100) || '-',
  });
}

/**
 * Reads a request body chunk by chunk into `sink`, at most `limitBytes`. A sink that throws, or a
 * body over the limit, stops the reading: the rest is never read, because the error answer closes
 * the connection (see the exception filter). Nothing is buffered here; the sink decides.
 */
export function streamBody(
  req: IncomingMessage,
  limitBytes: number,
  sink: (chunk: Buffer) => void | Promise<void>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = 0;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      req.off('data', onData).off('end', onEnd).off('aborted', onAborted).off('error', onAborted);
      if (error === undefined) resolve(total);
      else {
        req.pause();
        reject(error);
      }
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limitBytes) return finish(payloadTooLarge(limitBytes));
      try {
        const pending = sink(chunk);
        if (pending) {
          // Back-pressure: read no further until the sink has taken this chunk.
          req.pause();
          pending.then(() => !settled && req.resume(), finish);
        }
      } catch (error) {
        finish(error);
      }
    };
    const onEnd = () => finish();
    const onAborted = () => finish(AppError.badRequest('request_aborted', TEXT.aborted));
    req.on('data', onData).on('end', onEnd).on('aborted', onAborted).on('error', onAborted);
  });
}
