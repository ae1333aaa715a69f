import type { LocalizedText } from '../core/i18n';
import type { MediaItem } from './media-item';
import type { MediaLimits } from './media-limits';

/** A draft-time issue (the shape of the publishers' ValidationIssue). */
interface ValidationIssue {
  code: string;
  message: LocalizedText;
}

/** Video limits are given in MiB by the platforms that state them (Bluesky's 50 MB is 50 MiB). */
const MB = 1024 * 1024;
/** Ratios this close count as equal (a 1080x1350 photo is 4:5 exactly, not 0.79999). */
const RATIO_SLACK = 0.01;

export type FitPlan = { kind: 'as-is' } | { kind: 'rendition' } | { kind: 'issue'; issue: ValidationIssue };

type Fittable = Pick<MediaItem, 'kind' | 'mimeType' | 'byteSize' | 'width' | 'height'>;

/**
 * Whether a medium goes to the platform as it is, as a fitted rendition, or not at all. Pure: it
 * looks at the recorded type, size and pixels, so drafts are checked without reading any bytes.
 */
export function planFit(platformCode: string, item: Fittable, limits: MediaLimits): FitPlan {
  const fail = (code: string, id: string, en: string): FitPlan => ({
    kind: 'issue',
    issue: { code: `${platformCode}.${code}`, message: { id, en } },
  });
  if (item.kind === 'VIDEO') {
    if (!limits.videoFormats.includes(item.mimeType)) {
      return fail(
        'video_format',
        `Format video ini tidak diterima platform ini. Gunakan ${names(limits.videoFormats)}.`,
        `This platform does not take this video format. Use ${names(limits.videoFormats)}.`,
      );
    }
    if (item.byteSize > limits.maxVideoBytes) {
      const max = Math.floor(limits.maxVideoBytes / MB);
      return fail(
        'video_too_large',
        `Video terlalu besar untuk platform ini: paling besar ${max} MB (video tidak dikecilkan otomatis).`,
        `The video is too large for this platform: at most ${max} MB (videos are not shrunk automatically).`,
      );
    }
    return { kind: 'as-is' };
  }
  if (item.mimeType === 'image/gif' && !limits.imageFormats.includes('image/gif')) {
    return fail(
      'image_format',
      `Platform ini tidak menerima GIF. Gunakan ${names(limits.imageFormats)}.`,
      `This platform does not take GIFs. Use ${names(limits.imageFormats)}.`,
    );
  }
  const { width, height } = item;
  if (width && height && limits.aspectRatio) {
    const ratio = width / height;
    const { min, max } = limits.aspectRatio;
    if (ratio < min - RATIO_SLACK || ratio > max + RATIO_SLACK) {
      const range = `${ratioName(min)} – ${ratioName(max)}`;
      return fail(
        'image_aspect',
        `Perbandingan sisi gambar (${width}x${height}) di luar batas platform ini (${range}). Potong gambarnya dulu.`,
        `The image's proportions (${width}x${height}) are outside this platform's range (${range}). Crop the image first.`,
      );
    }
  }
  const fits =
    limits.imageFormats.includes(item.mimeType) &&
    item.byteSize <= limits.maxImageBytes &&
    (!width || !height || (Math.max(width, height) <= limits.maxImageEdge && width * height <= limits.maxImagePixels));
  return { kind: fits ? 'as-is' : 'rendition' };
}

/** Draft-time issues for every medium that cannot be fitted. */
export function mediaFitIssues(
  platformCode: string,
  media: readonly Fittable[],
  limits: MediaLimits | null,
): ValidationIssue[] {
  if (!limits) return [];
  const issues = new Map<string, ValidationIssue>();
  for (const item of media) {
    const plan = planFit(platformCode, item, limits);
    // One issue per problem, however many media share it.
    if (plan.kind === 'issue' && !issues.has(plan.issue.code)) issues.set(plan.issue.code, plan.issue);
  }
  return [...issues.values()];
}

function names(types: readonly string[]): string {
  return types.map((type) => type.split('/')[1]!.toUpperCase()).join(', ');
}

function ratioName(ratio: number): string {
  const known: Record<string, string> = {
    '0.8': '4:5',
    '1.91': '1.91:1',
    '0.5625': '9:16',
    '1.7778': '16:9',
    '1': '1:1',
  };
  return known[String(Number(ratio.toFixed(4)))] ?? `${Number(ratio.toFixed(2))}:1`;
}
