import type { PlatformHttp } from '../http/platform-http';
import { PublishError } from '../publish-error';
import type { PublishResult } from '../publisher';
import { graphRequest } from './graph-api';
import { permalinkOf } from './containers';

export interface ContainerPublication {
  baseUrl: string;
  accessToken: string;
  signal: AbortSignal;
  userId: string;
  creationId: string;
  /** "/media_publish" (Instagram) or "/threads_publish" (Threads). */
  publishPath: string;
  statusField: 'status_code' | 'status';
  /** The edge listing the account's media, and the field holding its text. */
  mediaEdge: '/media' | '/threads';
  textField: 'caption' | 'text';
  text: string;
}

/** How far back a published media may be dated and still be ours (clock skew included). */
const RECENT_MS = 10 * 60 * 1000;

/**
 * Publishes a FINISHED container. If the answer is lost (AMBIGUOUS), the container itself tells what
 * happened, in the same call: still FINISHED means nothing was published and publishing that same
 * container again cannot post twice (a container is published at most once); PUBLISHED means it
 * went out, and the id is read back from the account's latest media. Anything else stays AMBIGUOUS.
 */
export async function publishContainer(
  http: PlatformHttp,
  platform: string,
  spec: ContainerPublication,
): Promise<PublishResult> {
  const startedAt = Date.now();
  const call = { baseUrl: spec.baseUrl, accessToken: spec.accessToken, signal: spec.signal };
  const publishOnce = async () =>
    (
      await graphRequest<{ id: string }>(http, platform, {
        ...call,
        method: 'POST',
        path: `/${spec.userId}${spec.publishPath}`,
        params: { creation_id: spec.creationId },
      })
    ).id;

  let mediaId: string;
  try {
    mediaId = await publishOnce();
  } catch (error) {
    if (!(error instanceof PublishError) || error.kind !== 'AMBIGUOUS') throw error;
    const status = await containerStatus(http, platform, spec).catch(() => {
      throw error;
    });
    if (status === 'FINISHED') mediaId = await publishOnce();
    else if (status === 'PUBLISHED') mediaId = await recentMediaId(http, platform, spec, startedAt - RECENT_MS);
    else throw error;
  }
  return {
    externalId: mediaId,
    url: await permalinkOf(http, platform, spec.baseUrl, spec.accessToken, mediaId, spec.signal),
  };
}

async function containerStatus(http: PlatformHttp, platform: string, spec: ContainerPublication): Promise<string> {
  const container = await graphRequest<Record<string, unknown>>(http, platform, {
    baseUrl: spec.baseUrl,
    accessToken: spec.accessToken,
    signal: spec.signal,
    method: 'GET',
    path: `/${spec.creationId}`,
    params: { fields: spec.statusField },
  });
  return String(container[spec.statusField] ?? '');
}

interface MediaList {
  data?: Array<Record<string, string | undefined>>;
}

/** Our published media: the newest recent one with exactly our text. */
async function recentMediaId(
  http: PlatformHttp,
  platform: string,
  spec: ContainerPublication,
  notBefore: number,
): Promise<string> {
  const unknownId = PublishError.ambiguous(
    `${platform}.published_id_unknown`,
    'The platform reports the post as published, but its id could not be read back',
  );
  const list = await graphRequest<MediaList>(http, platform, {
    baseUrl: spec.baseUrl,
    accessToken: spec.accessToken,
    signal: spec.signal,
    method: 'GET',
    path: `/${spec.userId}${spec.mediaEdge}`,
    params: { fields: `id,${spec.textField},timestamp`, limit: 10 },
  }).catch(() => {
    throw unknownId;
  });
  const match = (list.data ?? []).find(
    (media) => (media[spec.textField] ?? '') === spec.text && Date.parse(media.timestamp ?? '') >= notBefore,
  );
  if (!match?.id) throw unknownId;
  return match.id;
}
