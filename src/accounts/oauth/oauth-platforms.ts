import type { Platform } from '../../core/database';

/** Platforms connected through an OAuth 2.0 authorization-code flow, by their URL segment. */
export const OAUTH_PLATFORMS = {
  facebook: 'FACEBOOK',
  instagram: 'INSTAGRAM',
  threads: 'THREADS',
  x: 'X',
  linkedin: 'LINKEDIN',
  mastodon: 'MASTODON',
} as const satisfies Record<string, Platform>;

export type OAuthPlatform = keyof typeof OAUTH_PLATFORMS;

export function isOAuthPlatform(value: string): value is OAuthPlatform {
  return Object.hasOwn(OAUTH_PLATFORMS, value);
}
