/** What an upload really is, from its first bytes (never trust the Content-Type alone). */
export interface DetectedMedia {
  kind: 'IMAGE' | 'VIDEO';
  mimeType: string;
}

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);

export function detectMedia(bytes: Buffer): DetectedMedia | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'IMAGE', mimeType: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'IMAGE', mimeType: 'image/jpeg' };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { kind: 'IMAGE', mimeType: 'image/gif' };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return { kind: 'IMAGE', mimeType: 'image/webp' };
  // ISO base media (MP4 / MOV): "ftyp" at offset 4.
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = bytes.subarray(8, 12).toString('latin1');
    return { kind: 'VIDEO', mimeType: brand === 'qt  ' ? 'video/quicktime' : 'video/mp4' };
  }
  return null;
}
