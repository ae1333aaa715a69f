import { open } from 'node:fs/promises';

/** The movie header is inside "moov", whose size is bounded here: a longer box is not read. */
const MAX_MOOV_BYTES = 16 * 1024 * 1024;

/**
 * The duration of an MP4 / MOV file in milliseconds, from its movie header (moov/mvhd), reading
 * only box headers and the moov box (which may sit at the start or at the end of the file). Null
 * when there is no readable header.
 */
export async function videoDurationMs(path: string): Promise<number | null> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const header = Buffer.alloc(16);
    for (let offset = 0; offset + 8 <= size;) {
      await file.read(header, 0, 16, offset);
      let boxSize = header.readUInt32BE(0);
      let headerSize = 8;
      if (boxSize === 1) [boxSize, headerSize] = [Number(header.readBigUInt64BE(8)), 16];
      else if (boxSize === 0) boxSize = size - offset;
      if (boxSize < headerSize) return null;
      if (header.toString('latin1', 4, 8) === 'moov') {
        if (boxSize > MAX_MOOV_BYTES) return null;
        const moov = Buffer.alloc(boxSize - headerSize);
        await file.read(moov, 0, moov.length, offset + headerSize);
        return durationFromMoov(moov);
      }
      offset += boxSize;
    }
    return null;
  } finally {
    await file.close();
  }
}

function durationFromMoov(moov: Buffer): number | null {
  for (let offset = 0; offset + 8 <= moov.length;) {
    const boxSize = moov.readUInt32BE(offset);
    if (boxSize < 8) return null;
    if (moov.toString('latin1', offset + 4, offset + 8) === 'mvhd') {
      const version = moov[offset + 8];
      const body = offset + 12;
      // Version 1 has 64-bit times: created, modified (8 bytes each), then timescale and duration.
      const [timescale, duration] =
        version === 1
          ? [moov.readUInt32BE(body + 16), Number(moov.readBigUInt64BE(body + 20))]
          : [moov.readUInt32BE(body + 8), moov.readUInt32BE(body + 12)];
      return timescale > 0 ? Math.round((duration * 1000) / timescale) : null;
    }
    offset += boxSize;
  }
  return null;
}
