import { Module, type Type } from '@nestjs/common';
import { FeedPublisher } from './feed/feed.publisher';
import { PlatformHttp } from './http/platform-http';
import type { Publisher } from './publisher';
import { PUBLISHERS, PublisherRegistry } from './publisher-registry';
import { WebhookPublisher } from './webhook/webhook.publisher';

/** Every platform, one line each. */
const PUBLISHER_CLASSES: Type<Publisher>[] = [WebhookPublisher, FeedPublisher];

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
