import sharp from 'sharp';

/** What a phone writes into a demonstration photo: position, camera serial, owner. */
export const OWNER = 'Siti Pemilik';
export const SERIAL = 'SN-20261130';
const EXIF = {
  IFD0: { Make: 'Gaung', Model: 'TestCam', Artist: OWNER, Copyright: OWNER },
  IFD2: { BodySerialNumber: SERIAL },
  IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 12/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 49/1 0/1' },
};
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${OWNER}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;

/**
 * A 60x40 picture, red on its left half and blue on its right, stored with EXIF orientation 6
 * ("turn 90° clockwise to view"): seen the right way up it is 40x60, red on top, blue below.
 * Carries EXIF with GPS, a serial and an owner, XMP, and for JPEG an IPTC by-line too.
 */
export async function phonePhoto(format: 'jpeg' | 'png' | 'webp', size = { width: 60, height: 40 }): Promise<Buffer> {
  const red = await sharp({
    create: { width: size.width / 2, height: size.height, channels: 3, background: '#ff0000' },
  })
    .png()
    .toBuffer();
  const picture = sharp({ create: { ...size, channels: 3, background: '#0000ff' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .withExif(EXIF)
    .withMetadata({ orientation: 6 })
    .withXmp(XMP);
  const bytes = await picture[format]().toBuffer();
  return format === 'jpeg' ? withIptcByline(bytes, OWNER) : bytes;
}

/** A photo of many pixels that compresses badly (noise), for byte limits. */
export async function noisyPhoto(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** Whether EXIF has a GPS IFD pointer (tag 0x8825) in its first IFD. */
export function hasGpsPointer(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') >= 0 ? exif.indexOf('Exif\0\0') + 6 : 0);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  for (let entry = 0; entry < u16(ifd); entry++) if (u16(ifd + 2 + entry * 12) === 0x8825) return true;
  return false;
}

/** Everything a metadata reader finds in an image. */
export async function metadataOf(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  return {
    exif: meta.exif,
    xmp: meta.xmp,
    iptc: meta.iptc,
    orientation: meta.orientation,
    width: meta.width,
    height: meta.height,
    format: meta.format,
  };
}

/** The colour at the middle of the top and bottom rows, as 'red', 'blue' or 'other'. */
export async function topAndBottom(bytes: Buffer): Promise<[string, string]> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y: number) => {
    const i = (y * info.width + Math.floor(info.width / 2)) * 3;
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    return r > 200 && b < 60 && g < 60 ? 'red' : b > 200 && r < 60 && g < 60 ? 'blue' : 'other';
  };
  return [at(1), at(info.height - 2)];
}

/** Inserts an APP13 (Photoshop IRB) segment with an IPTC By-line (2:80) after the JPEG's SOI. */
function withIptcByline(jpeg: Buffer, owner: string): Buffer {
  const record = Buffer.concat([Buffer.from([0x1c, 0x02, 0x50, 0x00, owner.length]), Buffer.from(owner, 'latin1')]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(record.length);
  const irb = Buffer.concat([
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x04, 0x04, 0x00, 0x00]),
    size,
    record,
    Buffer.alloc(record.length % 2),
  ]);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), irb]);
  const header = Buffer.from([0xff, 0xed, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** An MP4's boxes: ftyp, media data, then a movie header (mvhd) saying 12.5 s (timescale 1000). */
export const MP4 = (() => {
  const mvhd = Buffer.alloc(108);
  mvhd.writeUInt32BE(108);
  mvhd.write('mvhd', 4, 'latin1');
  mvhd.writeUInt32BE(1000, 20);
  mvhd.writeUInt32BE(12_500, 24);
  const moov = Buffer.concat([Buffer.from([0, 0, 0, 116]), Buffer.from('moov', 'latin1'), mvhd]);
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 20]), Buffer.from('ftypisom\0\0\0\0mp41', 'latin1')]);
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 208]), Buffer.from('mdat', 'latin1'), Buffer.alloc(200, 7), moov]);
})();
