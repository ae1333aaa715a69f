import type { Platform } from '../../src/core/database';
import {
  PublishError,
  type AccountContext,
  type FailureKind,
  type MediaItem,
  type PublishContent,
  type PublishRequest,
} from '../../src/publishers';

/**
 * The one set of builders for publisher tests (test/publishers/*.contract.ts): an account, content,
 * media and a publish request, and the checks on a failed call.
 */

/** Bytes that start like a PNG; platforms' contract servers only check size and type. */
export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

export function account(platform: Platform, overrides: Partial<AccountContext> = {}): AccountContext {
  return {
    accountId: 'acc-1',
    workspaceId: 'ws-1',
    platform,
    baseUrl: null,
    externalId: null,
    handle: null,
    settings: {},
    credentials: {},
    ...overrides,
  };
}

/** A PNG the publisher reads from storage (its public URL leads nowhere). */
export function image(id: string, altText: string | null = null, bytes = PNG_BYTES): MediaItem {
  return {
    id,
    kind: 'IMAGE',
    mimeType: 'image/png',
    byteSize: bytes.length,
    width: null,
    height: null,
    altText,
    publicUrl: `http://127.0.0.1:9/media/${id}.png`,
    read: async () => bytes,
  };
}

let mediaCounter = 0;

/** A JPEG with alt text that the platform fetches from its public URL (Meta, LinkedIn, X). */
export function hostedImage(
  publicUrl = `https://media.gaung.example/img-${++mediaCounter}.jpg`,
  bytes = Buffer.from('fake-jpeg-bytes'),
): MediaItem {
  return {
    id: `m-${++mediaCounter}`,
    kind: 'IMAGE',
    mimeType: 'image/jpeg',
    byteSize: bytes.length,
    width: null,
    height: null,
    altText: 'Buruh berdemo',
    publicUrl,
    read: async () => bytes,
  };
}

export function video(publicUrl = `https://media.gaung.example/vid-${++mediaCounter}.mp4`): MediaItem {
  const bytes = Buffer.from('fake-mp4');
  return {
    id: `m-${++mediaCounter}`,
    kind: 'VIDEO',
    mimeType: 'video/mp4',
    byteSize: bytes.length,
    width: null,
    height: null,
    altText: null,
    publicUrl,
    read: async () => bytes,
  };
}

export function content(overrides: Partial<PublishContent> = {}): PublishContent {
  return { text: 'Buruh bersatu tak bisa dikalahkan', title: null, media: [], ...overrides };
}

let requestCounter = 0;

/** A request with its own target id and idempotency key; `overrides` may give them (or a signal). */
export function publishRequest(
  acc: AccountContext,
  body: Partial<PublishContent> = {},
  overrides: Partial<PublishRequest> = {},
): PublishRequest {
  requestCounter += 1;
  return {
    targetId: `target-${requestCounter}`,
    version: 1,
    idempotencyKey: `tgt${requestCounter}-v1-${Date.now().toString(36)}`,
    account: acc,
    content: content(body),
    signal: AbortSignal.timeout(10_000),
    ...overrides,
  };
}

/** Runs a call that must fail and returns its error, so tests can assert on the kind. */
export async function failure(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (error) {
    return error as PublishError;
  }
  throw new Error('expected the call to fail');
}

/** Awaits a call that must fail with a PublishError of `kind` and returns the error for further checks. */
export async function publishFailure(promise: Promise<unknown>, kind: FailureKind): Promise<PublishError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(PublishError);
  expect(error.kind).toBe(kind);
  return error;
}

/** No credential value may leak into an error's message or code. */
export function expectNoSecrets(error: PublishError, secrets: string[]): void {
  for (const secret of secrets) {
    expect(error.message).not.toContain(secret);
    expect(error.code).not.toContain(secret);
  }
}
