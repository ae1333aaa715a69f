import type { Type } from '@nestjs/common';
import { BlueskyPublisher } from './bluesky';
import type { ConnectMethod } from './connect-method';
import { FacebookPublisher } from './facebook/facebook.publisher';
import { FeedPublisher } from './feed/feed.publisher';
import { InstagramPublisher } from './instagram/instagram.publisher';
import { LinkedInPublisher } from './linkedin/linkedin.publisher';
import { MastodonPublisher } from './mastodon';
import type { PostMetricsReader } from './post-metrics';
import type { Publisher } from './publisher';
import { TelegramPublisher } from './telegram';
import { ThreadsPublisher } from './threads/threads.publisher';
import { WebhookPublisher } from './webhook/webhook.publisher';
import { WordpressPublisher } from './wordpress';
import { XPublisher } from './x/x.publisher';

/** A publisher class: built by Nest, saying statically how its accounts are connected and, optionally, who reads its posts' counts. */
export type PublisherClass = Type<Publisher> & {
  readonly connect: ConnectMethod;
  readonly metrics?: Type<PostMetricsReader>;
};

/**
 * Every platform, one line each: publishing, connecting (form and OAuth steps) and reading counts are read from here.
 * The order is the order of the web's connect buttons.
 */
export const PUBLISHER_CLASSES: readonly PublisherClass[] = [
  TelegramPublisher,
  BlueskyPublisher,
  MastodonPublisher,
  WordpressPublisher,
  WebhookPublisher,
  FeedPublisher,
  FacebookPublisher,
  InstagramPublisher,
  ThreadsPublisher,
  XPublisher,
  LinkedInPublisher,
];

/** The platforms that can read a post's counts (docs/analytics.md); the others say "not available". */
export const METRICS_READER_CLASSES: readonly Type<PostMetricsReader>[] = PUBLISHER_CLASSES.flatMap((publisherClass) =>
  publisherClass.metrics ? [publisherClass.metrics] : [],
);
