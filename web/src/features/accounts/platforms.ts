import type { Platform } from '../../api/types';
import { PLATFORM_NAMES } from '../../ui/platform-text';

/** A field of a platform's credential form: the API's field name, whether it is secret or optional. */
export interface FormField {
  name: string;
  secret?: boolean;
  optional?: boolean;
  /** Shown under "more settings" (self-hosted servers), folded away by default. */
  advanced?: boolean;
}

/** Platforms connected by a form (the API's credentialsFormSchema), each with its fields in order. */
export const FORM_PLATFORMS: Record<string, FormField[]> = {
  TELEGRAM: [{ name: 'botToken', secret: true }, { name: 'chatId' }, { name: 'apiBaseUrl', optional: true, advanced: true }],
  BLUESKY: [{ name: 'identifier' }, { name: 'appPassword', secret: true }, { name: 'serviceUrl', optional: true, advanced: true }],
  MASTODON: [{ name: 'instanceUrl' }, { name: 'accessToken', secret: true }],
  WORDPRESS: [{ name: 'siteUrl' }, { name: 'username' }, { name: 'applicationPassword', secret: true }],
  WEBHOOK: [{ name: 'url' }, { name: 'secret', secret: true, optional: true }],
  FEED: [{ name: 'handle', optional: true }],
};

/** Platforms connected through their own approval page (the API's oauth/<platform>/start routes). */
export const OAUTH_PLATFORMS = ['facebook', 'instagram', 'threads', 'x', 'linkedin', 'mastodon'] as const;
export type OAuthPlatform = (typeof OAUTH_PLATFORMS)[number];

/** Accounts of these platforms reconnect through OAuth, the others through their form. */
export const reconnectsByOAuth = (platform: string): OAuthPlatform | null => {
  const lower = platform.toLowerCase();
  return lower !== 'mastodon' && (OAUTH_PLATFORMS as readonly string[]).includes(lower) ? (lower as OAuthPlatform) : null;
};

export const platformName = (platform: string) => PLATFORM_NAMES[platform.toUpperCase() as Platform] ?? platform;
