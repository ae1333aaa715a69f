import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { videoDurationMs } from './video-duration';

const box = (type: string, body: Buffer) => {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};

/** An mvhd box, version 0 (32-bit times) or 1 (64-bit). */
function mvhd(version: 0 | 1, timescale: number, duration: number): Buffer {
  const body = Buffer.alloc(version === 1 ? 108 : 96);
  body[0] = version;
  if (version === 1) {
    body.writeUInt32BE(timescale, 20);
    body.writeBigUInt64BE(BigInt(duration), 24);
  } else {
    body.writeUInt32BE(timescale, 12);
    body.writeUInt32BE(duration, 16);
  }
  return box('mvhd', body);
}

async function file(bytes: Buffer): Promise<string> {
  const path = join(tmpdir(), `gaung-video-${randomUUID()}`);
  await writeFile(path, bytes);
  return path;
}

describe('videoDurationMs', () => {
  const ftyp = box('ftyp', Buffer.from('isom\0\0\0\0isommp41', 'latin1'));
  it('reads the movie header whether moov comes before or after the media data', async () => {
    const moov = box('moov', Buffer.concat([mvhd(0, 600, 9000)]));
    const mdat = box('mdat', Buffer.alloc(5000, 1));
    expect(await videoDurationMs(await file(Buffer.concat([ftyp, moov, mdat])))).toBe(15_000);
    expect(await videoDurationMs(await file(Buffer.concat([ftyp, mdat, moov])))).toBe(15_000);
    expect(await videoDurationMs(await file(Buffer.concat([ftyp, box('moov', mvhd(1, 90_000, 2_700_000))])))).toBe(
      30_000,
    );
  });

  it('answers null for a file without a movie header', async () => {
    expect(await videoDurationMs(await file(Buffer.concat([ftyp, box('mdat', Buffer.alloc(100))])))).toBeNull();
    expect(await videoDurationMs(await file(Buffer.concat([ftyp, Buffer.from([0, 0, 0, 3, 1, 2, 3, 4])])))).toBeNull();
  });
});
