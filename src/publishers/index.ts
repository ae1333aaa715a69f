export { PlatformHttp, beforePublication, parseRetryAfter, refusalIn, transportError } from './http/platform-http';
export { PublishError, type FailureKind, type PublishErrorOptions } from './publish-error';
export { accountContextOf, type StoredAccount } from './account-context';
export type * from './publisher';
export { ambiguousRetryOf } from './publisher';
export { PublisherRegistry } from './publisher-registry';
export { PublishersModule } from './publishers.module';
export { countGraphemes, countLength, countTwitterWeighted } from './text-length';
export { MetricsReaderRegistry } from './metrics-registry';
export * from './post-metrics';
export { zHttpUrl, type ClientAppRegistry, type OAuthContext, type OAuthKept } from './connect-method';
export {
  FORM_CONNECT_METHODS,
  connectMethodViews,
  credentialFormFor,
  oauthStepsFor,
  platformName,
} from './connect-methods';
