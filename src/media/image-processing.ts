import sharp from 'sharp';

// Images are small (MEDIA_MAX_IMAGE_MB) but their pixels need not be: refuse decompression bombs.
const MAX_INPUT_PIXELS = 100_000_000;
sharp.cache(false);

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs image work one piece at a time in this process: a decoded photo takes memory in proportion
 * to its pixels (about 110 MB for 12 megapixels, docs/benchmarks.md), and libvips already uses
 * every core for one image, so a second at the same time would add memory, not speed.
 */
export function oneImageAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = queue.then(work, work);
  queue = turn.catch(() => undefined);
  return turn;
}

export interface ProcessedImage {
  bytes: Buffer;
  mimeType: string;
  width: number;
  height: number;
}

const OUTPUT: Record<string, (image: sharp.Sharp) => sharp.Sharp> = {
  'image/jpeg': (image) => image.jpeg({ quality: 90 }),
  'image/png': (image) => image.png(),
  'image/webp': (image) => image.webp({ quality: 90 }),
  'image/gif': (image) => image.gif(),
};

const open = (input: string | Buffer) =>
  sharp(input, { animated: true, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });

/**
 * The image re-encoded with no EXIF, XMP or IPTC at all (GPS position, camera serial, owner name):
 * sharp writes no metadata unless asked. The EXIF orientation is applied to the pixels first, so the
 * picture stands the right way up without the tag. Null when the bytes are not a readable image.
 */
export async function stripImage(input: string | Buffer, mimeType: string): Promise<ProcessedImage | null> {
  const encode = OUTPUT[mimeType];
  if (!encode) return null;
  try {
    const { data, info } = await encode(open(input).rotate()).toBuffer({ resolveWithObject: true });
    return { bytes: data, mimeType, width: info.width, height: info.pageHeight ?? info.height };
  } catch {
    return null;
  }
}

/** A WebP copy no larger than `edge` pixels on its longer side (never enlarged), first frame only. */
export async function scaledCopy(input: Buffer, edge: number): Promise<Buffer> {
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
    .resize(edge, edge, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

export interface FitTarget {
  /** Formats the platform takes; the first is used when the image's own is not among them. */
  formats: readonly string[];
  maxBytes: number;
  /** Longest side in pixels. */
  maxEdge: number;
  maxPixels: number;
}

/** Never shrink below this long edge to meet a byte limit: smaller would not be worth publishing. */
const SMALLEST_EDGE = 320;

/**
 * The image fitted to a platform: scaled down to its pixel limits (never up), re-encoded in a format
 * it takes, then made smaller step by step until it is under the byte limit. Null when even the
 * smallest worthwhile copy does not fit.
 */
export async function fitImage(input: Buffer, mimeType: string, target: FitTarget): Promise<ProcessedImage | null> {
  const { width, height } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  const format =
    target.formats.includes(mimeType) && mimeType !== 'image/gif'
      ? mimeType
      : target.formats.find((f) => f !== 'image/gif')!;
  let scale = Math.min(1, target.maxEdge / Math.max(width, height), Math.sqrt(target.maxPixels / (width * height)));
  for (let quality = 85; ;) {
    const w = Math.max(1, Math.floor(width * scale));
    const h = Math.max(1, Math.floor(height * scale));
    const resized = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).resize(w, h, {
      fit: 'fill',
      withoutEnlargement: true,
    });
    const encoded =
      format === 'image/png'
        ? resized.png({ compressionLevel: 9, palette: quality < 85 })
        : format === 'image/webp'
          ? resized.webp({ quality })
          : resized.jpeg({ quality });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    if (data.length <= target.maxBytes)
      return { bytes: data, mimeType: format, width: info.width, height: info.height };
    if (quality > 70) quality -= 10;
    else if (Math.max(w, h) * 0.8 >= SMALLEST_EDGE) scale *= 0.8;
    else return null;
  }
}
