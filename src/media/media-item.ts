/** One uploaded file as a publisher receives it (src/publishers/publisher.ts hands this type on). */
export interface MediaItem {
  id: string;
  kind: 'IMAGE' | 'VIDEO';
  mimeType: string;
  byteSize: number;
  /** Pixels of an image; null for video and for images whose size is unknown. */
  width: number | null;
  height: number | null;
  altText: string | null;
  /** A URL the platform can fetch (Instagram, Threads and Facebook pull media by URL). */
  publicUrl: string;
  read(): Promise<Buffer>;
}
