import { Module, type Type } from '@nestjs/common';
import { BlueskyMetrics } from './bluesky/bluesky.metrics';
import { FacebookMetrics } from './facebook/facebook.metrics';
import { FeedRepository } from './feed/feed.repository';
import { PlatformHttp } from './http/platform-http';
import { InstagramMetrics } from './instagram/instagram.metrics';
import { LinkedInMetrics } from './linkedin/linkedin.metrics';
import { MastodonMetrics } from './mastodon/mastodon.metrics';
import { METRICS_READERS, MetricsReaderRegistry } from './metrics-registry';
import type { PostMetricsReader } from './post-metrics';
import type { Publisher } from './publisher';
import { PUBLISHER_CLASSES } from './publisher-classes';
import { PUBLISHERS, PublisherRegistry } from './publisher-registry';
import { ThreadsMetrics } from './threads/threads.metrics';
import { WordpressMetrics } from './wordpress/wordpress.metrics';
import { XMetrics } from './x/x.metrics';

/** The platforms that can read a post's counts (docs/analytics.md); the others say "not available". */
const METRICS_READER_CLASSES: Type<PostMetricsReader>[] = [
  MastodonMetrics,
  BlueskyMetrics,
  XMetrics,
  WordpressMetrics,
  FacebookMetrics,
  InstagramMetrics,
  ThreadsMetrics,
  LinkedInMetrics,
];

@Module({
  providers: [
    PlatformHttp,
    FeedRepository,
    ...PUBLISHER_CLASSES,
    { provide: PUBLISHERS, useFactory: (...publishers: Publisher[]) => publishers, inject: [...PUBLISHER_CLASSES] },
    PublisherRegistry,
    ...METRICS_READER_CLASSES,
    { provide: METRICS_READERS, useFactory: (...readers: PostMetricsReader[]) => readers, inject: METRICS_READER_CLASSES },
    MetricsReaderRegistry,
  ],
  exports: [PublisherRegistry, MetricsReaderRegistry, PlatformHttp],
})
export class PublishersModule {}
