import { Module, type Type } from '@nestjs/common';
import { FacebookPublisher } from './facebook/facebook.publisher';
import { FeedPublisher } from './feed/feed.publisher';
import { PlatformHttp } from './http/platform-http';
import { InstagramPublisher } from './instagram/instagram.publisher';
import { LinkedInPublisher } from './linkedin/linkedin.publisher';
import type { Publisher } from './publisher';
import { PUBLISHERS, PublisherRegistry } from './publisher-registry';
import { ThreadsPublisher } from './threads/threads.publisher';
import { WebhookPublisher } from './webhook/webhook.publisher';
import { XPublisher } from './x/x.publisher';

/** Every platform, one line each. */
const PUBLISHER_CLASSES: Type<Publisher>[] = [
  WebhookPublisher,
  FeedPublisher,
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
