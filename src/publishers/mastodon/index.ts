export { MastodonPublisher } from './mastodon.publisher';
export {
  MASTODON_SCOPES,
  exchangeMastodonCode,
  mastodonAuthorizeUrl,
  registerMastodonApp,
  type MastodonApp,
} from './mastodon-oauth';
