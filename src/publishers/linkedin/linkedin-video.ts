import { setTimeout as sleep } from 'node:timers/promises';
import type { ContainerPolling } from '../meta-graph/containers';
import { PublishError } from '../publish-error';
import type { MediaItem } from '../publisher';
import type { TokenSession } from '../token-session';
import { linkedinError } from './linkedin-errors';

/** Optional provider to tune how Gaung waits for LinkedIn to process a video (tests make it fast). */
export const LINKEDIN_VIDEO_POLLING = Symbol('LINKEDIN_VIDEO_POLLING');
/** Stays inside the default publish timeout; the request's signal ends it earlier anyway. */
export const DEFAULT_VIDEO_POLLING: ContainerPolling = { intervalMs: 2_000, maxAttempts: 12 };

interface UploadInstruction {
  uploadUrl: string;
  firstByte: number;
  /** Inclusive. */
  lastByte: number;
}

interface InitializeAnswer {
  value?: { video: string; uploadToken?: string; uploadInstructions: UploadInstruction[] };
}

type VideoStatus = 'AVAILABLE' | 'PROCESSING' | 'WAITING_UPLOAD' | 'PROCESSING_FAILED';

/**
 * LinkedIn's Videos API: initializeUpload declares the size and hands out one upload URL per byte
 * range; each PUT answers an ETag; finalizeUpload takes the ETags in order; the video is then
 * processed until AVAILABLE. Nothing is published yet, so the caller wraps this in
 * beforePublication(): only a video LinkedIn could not process is PERMANENT.
 */
export async function uploadVideo(
  session: TokenSession,
  owner: string,
  item: MediaItem,
  polling: ContainerPolling,
  signal: AbortSignal,
): Promise<string> {
  const bytes = await item.read();
  const init = await session.send<InitializeAnswer>({
    method: 'POST',
    url: '/rest/videos',
    params: { action: 'initializeUpload' },
    data: {
      initializeUploadRequest: { owner, fileSizeBytes: bytes.length, uploadCaptions: false, uploadThumbnail: false },
    },
    headers: { 'content-type': 'application/json' },
  });
  if (init.status !== 200 || !init.data.value) throw linkedinError(init, false);
  const { video, uploadToken = '', uploadInstructions } = init.data.value;
  const uploadedPartIds: string[] = [];
  for (const part of uploadInstructions) {
    const data = bytes.subarray(part.firstByte, part.lastByte + 1);
    const upload = await session.send({
      method: 'PUT',
      url: part.uploadUrl,
      data,
      headers: { 'content-type': 'application/octet-stream' },
    });
    if (upload.status !== 200 && upload.status !== 201) throw linkedinError(upload, false);
    const etag: unknown = upload.headers.etag;
    if (typeof etag !== 'string' || !etag)
      throw PublishError.notSent('linkedin.video_no_etag', 'LinkedIn accepted a video part without an ETag');
    uploadedPartIds.push(etag);
  }
  const finalize = await session.send({
    method: 'POST',
    url: '/rest/videos',
    params: { action: 'finalizeUpload' },
    data: { finalizeUploadRequest: { video, uploadToken, uploadedPartIds } },
    headers: { 'content-type': 'application/json' },
  });
  if (finalize.status !== 200) throw linkedinError(finalize, false);
  await waitUntilAvailable(session, video, polling, signal);
  return video;
}

async function waitUntilAvailable(
  session: TokenSession,
  video: string,
  polling: ContainerPolling,
  signal: AbortSignal,
): Promise<void> {
  for (let attempt = 1; attempt <= polling.maxAttempts; attempt++) {
    const response = await session.send<{ status?: VideoStatus; processingFailureReason?: string }>({
      method: 'GET',
      url: `/rest/videos/${encodeURIComponent(video)}`,
    });
    if (response.status !== 200) throw linkedinError(response, false);
    const status = response.data.status;
    if (status === 'AVAILABLE') return;
    if (status === 'PROCESSING_FAILED') {
      throw PublishError.permanent(
        'linkedin.video_processing_failed',
        `LinkedIn could not process the video: ${response.data.processingFailureReason ?? 'PROCESSING_FAILED'}`,
      );
    }
    if (attempt < polling.maxAttempts) await pause(polling.intervalMs, signal);
  }
  throw PublishError.notSent(
    'linkedin.video_timeout',
    'The video was still being processed when Gaung stopped waiting',
  );
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal }).catch(() => {
    throw PublishError.notSent(
      'linkedin.aborted',
      'Publishing timed out while LinkedIn was still processing the video',
    );
  });
}
