import { Test } from '@nestjs/testing';
import { ConfigModule, type AppConfig } from '../../src/core/config';
import { DatabaseModule, type Platform } from '../../src/core/database';
import { EgressModule } from '../../src/core/egress';
import { PublisherRegistry, PublishersModule, type AccountContext, type MediaItem, type PublishContent, type PublishRequest, type Publisher } from '../../src/publishers';

/** Bytes that start like a PNG; platforms' contract servers only check size and type. */
export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

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

export function content(overrides: Partial<PublishContent> = {}): PublishContent {
  return { text: 'Buruh bersatu tak bisa dikalahkan', title: null, media: [], ...overrides };
}

let counter = 0;

export function publishRequest(acc: AccountContext, body: Partial<PublishContent> = {}, overrides: Partial<PublishRequest> = {}): PublishRequest {
  counter += 1;
  return {
    targetId: `target-${counter}`,
    version: 1,
    idempotencyKey: `tgt${counter}-v1-${Date.now().toString(36)}`,
    account: acc,
    content: content(body),
    signal: new AbortController().signal,
    ...overrides,
  };
}

/** Runs a call that must fail and returns its error, so tests can assert on the kind. */
export async function failure(promise: Promise<unknown>): Promise<import('../../src/publishers').PublishError> {
  try {
    await promise;
  } catch (error) {
    return error as import('../../src/publishers').PublishError;
  }
  throw new Error('expected the call to fail');
}

/** The publisher for a platform as the app wires it: PublishersModule + APP_CONFIG, through the registry. */
export async function publisherFromNest(platform: Platform, config: AppConfig): Promise<{ publisher: Publisher; close: () => Promise<void> }> {
  const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), DatabaseModule, EgressModule, PublishersModule] }).compile();
  return { publisher: moduleRef.get(PublisherRegistry).get(platform), close: () => moduleRef.close() };
}
