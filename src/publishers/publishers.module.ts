import { Module, type Type } from '@nestjs/common';
import { BlueskyPublisher } from './bluesky';
import { BlueskyMetrics } from './bluesky/bluesky.metrics';
import { FacebookMetrics } from './facebook/facebook.metrics';
import { FacebookPublisher } from './facebook/facebook.publisher';
import { FeedPublisher } from './feed/feed.publisher';
import { FeedRepository } from './feed/feed.repository';
import { PlatformHttp } from './http/platform-http';
import { InstagramMetrics } from './instagram/instagram.metrics';
import { InstagramPublisher } from './instagram/instagram.publisher';
import { LinkedInMetrics } from './linkedin/linkedin.metrics';
import { LinkedInPublisher } from './linkedin/linkedin.publisher';
import { MastodonPublisher } from './mastodon';
import { MastodonMetrics } from './mastodon/mastodon.metrics';
import { METRICS_READERS, MetricsReaderRegistry } from './metrics-registry';
import type { PostMetricsReader } from './post-metrics';
import type { Publisher } from './publisher';
import { PUBLISHERS, PublisherRegistry } from './publisher-registry';
import { TelegramPublisher } from './telegram';
import { ThreadsMetrics } from './threads/threads.metrics';
import { ThreadsPublisher } from './threads/threads.publisher';
import { WebhookPublisher } from './webhook/webhook.publisher';
import { WordpressPublisher } from './wordpress';
import { WordpressMetrics } from './wordpress/wordpress.metrics';
import { XMetrics } from './x/x.metrics';
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
    { provide: PUBLISHERS, useFactory: (...publishers: Publisher[]) => publishers, inject: PUBLISHER_CLASSES },
    PublisherRegistry,
    ...METRICS_READER_CLASSES,
    { provide: METRICS_READERS, useFactory: (...readers: PostMetricsReader[]) => readers, inject: METRICS_READER_CLASSES },
    MetricsReaderRegistry,
  ],
  exports: [PublisherRegistry, MetricsReaderRegistry, PlatformHttp],
})
export class PublishersModule {}
