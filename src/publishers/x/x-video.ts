import { setTimeout as sleep } from 'node:timers/promises';
import type { AxiosResponse } from 'axios';
import type { MediaItem } from '../publisher';
import { PublishError } from '../publish-error';
import type { TokenSession } from '../token-session';
import { xError } from './x-errors';

/** X takes APPEND segments of at most 5 MB; 4 MiB leaves room and keeps each request short. */
export const X_VIDEO_CHUNK_BYTES = 4 * 1024 * 1024;
/** When X announces no check_after_secs, wait this long before asking again. */
const DEFAULT_CHECK_AFTER_MS = 1_000;
/** A hard cap on STATUS calls, whatever check_after_secs says (0 would otherwise spin until the deadline). */
const MAX_STATUS_CALLS = 60;

interface ProcessingInfo {
  state: 'pending' | 'in_progress' | 'succeeded' | 'failed';
  check_after_secs?: number;
  error?: { code?: number; name?: string; message?: string };
}

interface MediaUploadAnswer {
  data?: { id?: string; processing_info?: ProcessingInfo };
}

/**
 * X's chunked upload on POST /2/media/upload (multipart/form-data): INIT (total_bytes, media_type,
 * media_category tweet_video) -> APPEND (segment_index, <= 5 MB each) -> FINALIZE, then
 * GET /2/media/upload?command=STATUS while processing_info.state is pending or in_progress, waiting
 * check_after_secs between calls. Returns the media id once X says succeeded.
 *
 * A processing state 'failed' is PERMANENT (X refused the file: re-sending the same bytes fails again).
 * Running out of time or being stopped is NOT_SENT: nothing was posted yet.
 */
export async function uploadXVideo(
  session: TokenSession,
  item: MediaItem,
  deadline: number,
  signal: AbortSignal,
): Promise<string> {
  const bytes = await item.read();
  const init = await command(session, {
    command: 'INIT',
    total_bytes: String(bytes.length),
    media_type: item.mimeType,
    media_category: 'tweet_video',
  });
  const mediaId = init.data?.id;
  if (!mediaId) throw PublishError.notSent('x.upload_no_id', 'X accepted the video upload but did not return its id');
  for (let index = 0, offset = 0; offset < bytes.length; index++, offset += X_VIDEO_CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + X_VIDEO_CHUNK_BYTES);
    await command(session, { command: 'APPEND', media_id: mediaId, segment_index: String(index) }, chunk);
  }
  let info = (await command(session, { command: 'FINALIZE', media_id: mediaId })).data?.processing_info;
  // No processing_info after FINALIZE means the media is usable at once.
  for (let calls = 0; info && info.state !== 'succeeded'; calls++) {
    if (info.state === 'failed') {
      const reason = info.error?.message || info.error?.name || 'X could not process the video';
      throw PublishError.permanent('x.video_processing_failed', reason);
    }
    const waitMs =
      info.check_after_secs === undefined ? DEFAULT_CHECK_AFTER_MS : Math.max(0, info.check_after_secs) * 1000;
    if (calls >= MAX_STATUS_CALLS || Date.now() + waitMs > deadline) {
      throw PublishError.notSent('x.video_processing', 'X is still processing the video; the post was not sent');
    }
    await sleep(waitMs, undefined, { signal }).catch(() => undefined);
    if (signal.aborted)
      throw PublishError.notSent(
        'x.video_processing',
        'Stopped while X was processing the video; the post was not sent',
      );
    const status = await session.send<MediaUploadAnswer>({
      method: 'GET',
      url: '/2/media/upload',
      params: { command: 'STATUS', media_id: mediaId },
    });
    if (status.status !== 200) throw xError(status, false);
    info = status.data.data?.processing_info;
  }
  return mediaId;
}

async function command(
  session: TokenSession,
  fields: Record<string, string>,
  chunk?: Buffer,
): Promise<MediaUploadAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (chunk) form.set('media', new Blob([new Uint8Array(chunk)], { type: 'application/octet-stream' }), 'chunk');
  const response: AxiosResponse<MediaUploadAnswer> = await session.send<MediaUploadAnswer>({
    method: 'POST',
    url: '/2/media/upload',
    data: form,
  });
  if (response.status < 200 || response.status > 299) throw xError(response, false);
  return response.data ?? {};
}
