import type { AccountContext, MediaItem, PublishContent, PublishRequest } from '../../../src/publishers';
import { PublishError, type FailureKind } from '../../../src/publishers';

/** Test builders for publisher requests, shared by the contract tests of every platform. */
export function account(platform: AccountContext['platform'], fields: Partial<AccountContext>): AccountContext {
  return {
    accountId: 'acc-1',
    workspaceId: 'ws-1',
    platform,
    baseUrl: null,
    externalId: null,
    handle: null,
    settings: {},
    credentials: {},
    ...fields,
  };
}

let mediaCounter = 0;
export function image(publicUrl = `https://media.gaung.example/img-${++mediaCounter}.jpg`, bytes = Buffer.from('fake-jpeg-bytes')): MediaItem {
  return { id: `m-${++mediaCounter}`, kind: 'IMAGE', mimeType: 'image/jpeg', byteSize: bytes.length, width: null, height: null, altText: 'Buruh berdemo', publicUrl, read: async () => bytes };
}

export function video(publicUrl = `https://media.gaung.example/vid-${++mediaCounter}.mp4`): MediaItem {
  const bytes = Buffer.from('fake-mp4');
  return { id: `m-${++mediaCounter}`, kind: 'VIDEO', mimeType: 'video/mp4', byteSize: bytes.length, width: null, height: null, altText: null, publicUrl, read: async () => bytes };
}

export function content(text: string, media: MediaItem[] = []): PublishContent {
  return { text, title: null, media };
}

export function request(acc: AccountContext, body: PublishContent, signal = AbortSignal.timeout(10_000)): PublishRequest {
  return { targetId: 'target-1', version: 1, idempotencyKey: 'target-1-v1', account: acc, content: body, signal };
}

/** Awaits a promise that must fail with a PublishError and returns it for further checks. */
export async function publishFailure(promise: Promise<unknown>, kind: FailureKind): Promise<PublishError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a ${kind} PublishError, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PublishError);
  expect((error as PublishError).kind).toBe(kind);
  return error as PublishError;
}

/** No credential value may leak into an error's message or code. */
export function expectNoSecrets(error: PublishError, secrets: string[]): void {
  for (const secret of secrets) {
    expect(error.message).not.toContain(secret);
    expect(error.code).not.toContain(secret);
  }
}
