import { Module, type Type } from '@nestjs/common';
import { BlueskyPublisher } from './bluesky';
import { FeedPublisher } from './feed/feed.publisher';
import { PlatformHttp } from './http/platform-http';
import { MastodonPublisher } from './mastodon';
import type { Publisher } from './publisher';
import { PUBLISHERS, PublisherRegistry } from './publisher-registry';
import { TelegramPublisher } from './telegram';
import { WebhookPublisher } from './webhook/webhook.publisher';
import { WordpressPublisher } from './wordpress';

/** Every platform, one line each. */
const PUBLISHER_CLASSES: Type<Publisher>[] = [
  WebhookPublisher,
  FeedPublisher,
  TelegramPublisher,
  MastodonPublisher,
  BlueskyPublisher,
  WordpressPublisher,
];

@Module({
  providers: [
    PlatformHttp,
    ...PUBLISHER_CLASSES,
    { provide: PUBLISHERS, useFactory: (...publishers: Publisher[]) => publishers, inject: PUBLISHER_CLASSES },
    PublisherRegistry,
  ],
  exports: [PublisherRegistry, PlatformHttp],
})
export class PublishersModule {}
