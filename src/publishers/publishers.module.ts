import { Module } from '@nestjs/common';
import { FeedRepository } from './feed/feed.repository';
import { PlatformHttp } from './http/platform-http';
import { METRICS_READERS, MetricsReaderRegistry } from './metrics-registry';
import type { PostMetricsReader } from './post-metrics';
import type { Publisher } from './publisher';
import { METRICS_READER_CLASSES, PUBLISHER_CLASSES } from './publisher-classes';
import { PUBLISHERS, PublisherRegistry } from './publisher-registry';

@Module({
  providers: [
    PlatformHttp,
    FeedRepository,
    ...PUBLISHER_CLASSES,
    { provide: PUBLISHERS, useFactory: (...publishers: Publisher[]) => publishers, inject: [...PUBLISHER_CLASSES] },
    PublisherRegistry,
    ...METRICS_READER_CLASSES,
    {
      provide: METRICS_READERS,
      useFactory: (...readers: PostMetricsReader[]) => readers,
      inject: [...METRICS_READER_CLASSES],
    },
    MetricsReaderRegistry,
  ],
  exports: [PublisherRegistry, MetricsReaderRegistry, PlatformHttp],
})
export class PublishersModule {}
