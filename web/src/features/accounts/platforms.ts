import type { ConnectMethod } from '../../api/accounts';
import type { Platform } from '../../api/types';
import { PLATFORM_NAMES } from '../../ui/platform-text';

/** The OAuth segment an account of this platform reconnects through, or null when it reconnects by its form. */
export const reconnectsByOAuth = (methods: ConnectMethod[], platform: string): string | null => {
  const oauth = methods.find((method) => method.platform === platform)?.oauth;
  return oauth?.reconnects ? oauth.segment : null;
};

export const platformName = (platform: string) => PLATFORM_NAMES[platform.toUpperCase() as Platform] ?? platform;
