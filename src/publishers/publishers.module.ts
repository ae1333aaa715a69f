import { Module, type Type } from '@nestjs/common';
import { BlueskyPublisher } from './bluesky';
import { FacebookPublisher } from './facebook/facebook.publisher';
import { FeedPublisher } from './feed/feed.publisher';
import { PlatformHttp } from './http/platform-http';
import { InstagramPublisher } from './instagram/instagram.publisher';
import { LinkedInPublisher } from './linkedin/linkedin.publisher';
import { MastodonPublisher } from './mastodon';
import type { Publisher } from './publisher';
import { PUBLISHERS, PublisherRegistry } from './publisher-registry';
import { TelegramPublisher } from './telegram';
import { ThreadsPublisher } from './threads/threads.publisher';
import { WebhookPublisher } from './webhook/webhook.publisher';
import { WordpressPublisher } from './wordpress';
import { XPublisher } from './x/x.publisher';

/** Every platform, one line each. */
const PUBLISHER_CLASSES: Type<Publisher>[] = [
  WebhookPublisher,
  FeedPublisher,
  TelegramPublisher,
  MastodonPublisher,
  BlueskyPublisher,
  WordpressPublisher,
  FacebookPublisher,
  InstagramPublisher,
  ThreadsPublisher,
  XPublisher,
  LinkedInPublisher,
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
