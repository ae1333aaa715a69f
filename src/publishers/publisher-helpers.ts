import type { PlatformLimits, PublishContent, ValidationIssue } from './publisher';
import { PublishError } from './publish-error';
import { countLength } from './text-length';

/**
 * Helpers every publisher shares.
 *
 * The checks every platform shares, read from its limits: text length in the platform's own
 * counting, number of media, media required. Platform-specific rules are added by each publisher.
 */
export function commonIssues(platformCode: string, content: PublishContent, limits: PlatformLimits, maxChars = limits.maxChars): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const length = countLength(content.text, limits.counting);
  if (length > maxChars) {
    issues.push({
      code: `${platformCode}.text_too_long`,
      message: {
        id: `Teks terlalu panjang: ${length} dari maksimal ${maxChars} karakter.`,
        en: `Text is too long: ${length} of at most ${maxChars} characters.`,
      },
    });
  }
  if (content.media.length > limits.maxMedia) {
    issues.push({
      code: `${platformCode}.too_many_media`,
      message: {
        id: `Terlalu banyak media: ${content.media.length} dari maksimal ${limits.maxMedia}.`,
        en: `Too many media items: ${content.media.length} of at most ${limits.maxMedia}.`,
      },
    });
  }
  if (limits.requiresMedia && content.media.length === 0) {
    issues.push({
      code: `${platformCode}.media_required`,
      message: { id: 'Platform ini memerlukan setidaknya satu gambar atau video.', en: 'This platform needs at least one image or video.' },
    });
  }
  if (!limits.requiresMedia && content.media.length === 0 && content.text.trim() === '') {
    issues.push({
      code: `${platformCode}.empty`,
      message: { id: 'Tulis teks atau lampirkan media.', en: 'Write some text or attach media.' },
    });
  }
  return issues;
}

/** One issue in both languages; the code is platform-prefixed. */
export function issue(code: string, id: string, en: string): ValidationIssue {
  return { code, message: { id, en } };
}

/** Reads a required string credential; a missing one means the account must be reconnected. */
export function requiredCredential(platform: string, credentials: Record<string, unknown>, name: string): string {
  const value = credentials[name];
  if (typeof value !== 'string' || value === '') {
    throw PublishError.auth(`${platform}.credentials_missing`, `The account has no ${name}; reconnect it.`);
  }
  return value;
}

/** Reads the account's platform id; without it nothing can be published. */
export function requiredExternalId(platform: string, externalId: string | null): string {
  if (!externalId) throw PublishError.permanent(`${platform}.account_id_missing`, 'The account has no platform id; reconnect it.');
  return externalId;
}
