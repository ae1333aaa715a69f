import type { Platform } from '../core/database';

/**
 * What a platform takes as media, declared by its publisher. Images outside the byte, pixel or format
 * limits are fitted (a rendition, resized and re-encoded, never upscaled, see src/media); an aspect
 * ratio outside the range cannot be fitted without cropping, which is the author's choice, so it is
 * an issue. Videos are never re-encoded: outside the limits they are an issue.
 */
export interface MediaLimits {
  /** MIME types, preferred first (a rendition takes the first when the image's own is not listed). */
  imageFormats: readonly string[];
  maxImageBytes: number;
  /** Longest side, in pixels. */
  maxImageEdge: number;
  maxImagePixels: number;
  /** Width divided by height, inclusive; null: any. */
  aspectRatio: { min: number; max: number } | null;
  videoFormats: readonly string[];
  maxVideoBytes: number;
}

/** Where a medium is going: a platform and its media limits (a Publisher is one). */
export interface MediaDestination {
  platform: Platform;
  limits: { media: MediaLimits | null };
}
