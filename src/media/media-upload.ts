import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppError } from '../core/errors';
import { declaredLength, hasBody, streamBody } from '../core/http';
import type { Spool } from './storage/spool';
import { detectMedia, type DetectedMedia } from './media-type';

type Kind = DetectedMedia['kind'];

/** Bytes enough to recognise every supported format (see media-type.ts). */
const SNIFF_BYTES = 12;
/** Bytes kept in memory to read an image's size from its header; the rest goes to disk only. */
const HEAD_BYTES = 256 * 1024;

const UPLOAD_TEXT = {
  empty: {
    id: 'Unggahan kosong. Kirim isi berkas sebagai badan permintaan.',
    en: 'The upload is empty. Send the file as the request body.',
  },
  unsupported: {
    id: 'Jenis berkas tidak didukung. Gunakan JPEG, PNG, GIF, WebP atau MP4.',
    en: 'Unsupported file type. Use JPEG, PNG, GIF, WebP or MP4.',
  },
  tooLarge: {
    id: 'Berkas terlalu besar: paling besar {limit} MB untuk {kind}.',
    en: 'File too large: at most {limit} MB for {kind}.',
  },
};

export interface ReceivedUpload {
  detected: DetectedMedia;
  byteSize: number;
  sha256: string;
  /** The first bytes (up to 256 KiB), for reading an image's size. */
  head: Buffer;
}

/**
 * Streams a raw upload to `file` under per-kind limits in MB: refused with 415 for a content type
 * that is no image or video, with 413 by Content-Length before a byte is read, and while streaming
 * as soon as the bytes pass the limit of the kind they turn out to be. Never holds the file in memory.
 */
export async function receiveUpload(
  req: IncomingMessage,
  file: Pick<Spool, 'write'>,
  limitsMb: Record<Kind, number>,
): Promise<ReceivedUpload> {
  const declared = declaredKind(req.headers['content-type']);
  if (!declared) throw new AppError(415, 'unsupported_media', UPLOAD_TEXT.unsupported);
  if (!hasBody(req)) throw AppError.badRequest('empty_upload', UPLOAD_TEXT.empty);
  const limit = (kind: Kind) => limitsMb[kind] * 1024 * 1024;
  const tooLarge = (kind: Kind) =>
    new AppError(413, 'media_too_large', UPLOAD_TEXT.tooLarge, { limit: limitsMb[kind], kind: kind.toLowerCase() });
  // A declared image is held to the image limit; a video or an untyped upload to the larger one.
  const declaredLimitKind: Kind = declared === 'IMAGE' ? 'IMAGE' : 'VIDEO';
  const length = declaredLength(req);
  if (length !== null && !(length <= limit(declaredLimitKind))) throw tooLarge(declaredLimitKind);

  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let detected: DetectedMedia | null = null;
  await streamBody(req, Number.MAX_SAFE_INTEGER, async (chunk) => {
    size += chunk.length;
    if (headLength < HEAD_BYTES) {
      headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
      headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
    }
    if (!detected && headLength >= SNIFF_BYTES) detected = recognise(Buffer.concat(headChunks));
    const limitKind = detected?.kind === 'IMAGE' ? 'IMAGE' : declaredLimitKind;
    if (size > limit(limitKind)) throw tooLarge(limitKind);
    hash.update(chunk);
    await file.write(chunk);
  });
  if (size === 0) throw AppError.badRequest('empty_upload', UPLOAD_TEXT.empty);
  const head = Buffer.concat(headChunks);
  return { detected: detected ?? recognise(head), byteSize: size, sha256: hash.digest('hex'), head };
}

function recognise(head: Buffer): DetectedMedia {
  const detected = detectMedia(head);
  if (!detected) throw new AppError(415, 'unsupported_media', UPLOAD_TEXT.unsupported);
  return detected;
}

/** What the Content-Type promises: an image, a video, or untyped bytes (judged by content); null for anything else. */
function declaredKind(contentType: string | undefined): Kind | 'ANY' | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('image/')) return 'IMAGE';
  if (type.startsWith('video/')) return 'VIDEO';
  return type === 'application/octet-stream' ? 'ANY' : null;
}
