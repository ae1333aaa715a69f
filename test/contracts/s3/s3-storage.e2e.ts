import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { S3MediaStorage } from '../../../src/media/storage/s3-storage';
import { S3Contract } from './s3-contract';

const MB = 1024 * 1024;

describe('S3MediaStorage against an S3-compatible server on 127.0.0.1', () => {
  let s3: S3Contract;
  let storage: S3MediaStorage;
  const key = (suffix = '') => `${randomUUID()}/${randomUUID()}${suffix}`;
  beforeAll(async () => {
    s3 = await new S3Contract().start();
    storage = new S3MediaStorage({
      endpoint: s3.baseUrl,
      bucket: s3.bucket,
      accessKey: s3.accessKey,
      secretKey: s3.secretKey,
      region: s3.region,
    });
  });
  afterAll(() => s3.stop());

  it('puts, reads, streams, tells and deletes an object, signed (SigV4) for every request', async () => {
    const k = key('.thumbnail');
    expect(await storage.exists(k)).toBe(false);
    await storage.put(k, Buffer.from('gambar kecil'));
    expect(s3.objects.get(k)?.body.toString()).toBe('gambar kecil');
    expect(await storage.exists(k)).toBe(true);
    expect((await storage.read(k)).toString()).toBe('gambar kecil');
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.stream(k)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('gambar kecil');
    await storage.delete(k);
    expect(await storage.exists(k)).toBe(false);
    // Deleting what is gone is fine (S3 answers 204).
    await storage.delete(k);
    expect(
      s3.server.requests.every((request) =>
        String(request.headers.authorization).startsWith('AWS4-HMAC-SHA256 Credential=gaung-test-access/'),
      ),
    ).toBe(true);
  });

  it('sends a file larger than one part in 5 MiB parts (multipart), so memory holds one part at most', async () => {
    const path = join(tmpdir(), `gaung-s3-${randomUUID()}`);
    const bytes = Buffer.alloc(12 * MB, 3);
    bytes.write('awal', 0);
    bytes.write('akhir', bytes.length - 5);
    await writeFile(path, bytes);
    const k = key();
    await storage.put(k, { path, size: bytes.length });
    expect(s3.partSizes).toEqual([5 * MB, 5 * MB, 2 * MB]);
    expect(s3.objects.get(k)!.body.equals(bytes)).toBe(true);
  });

  it('fails clearly on a missing key, a wrong secret and an unknown bucket', async () => {
    await expect(storage.read(key())).rejects.toMatchObject({ code: 'NoSuchKey' });
    const wrongSecret = new S3MediaStorage({
      endpoint: s3.baseUrl,
      bucket: s3.bucket,
      accessKey: s3.accessKey,
      secretKey: 'not-the-secret',
      region: s3.region,
    });
    await expect(wrongSecret.put(key(), Buffer.from('x'))).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
    const wrongKey = new S3MediaStorage({
      endpoint: s3.baseUrl,
      bucket: s3.bucket,
      accessKey: 'someone-else',
      secretKey: s3.secretKey,
      region: s3.region,
    });
    await expect(wrongKey.read(key())).rejects.toMatchObject({ code: 'InvalidAccessKeyId' });
    const noBucket = new S3MediaStorage({
      endpoint: s3.baseUrl,
      bucket: 'no-such-bucket',
      accessKey: s3.accessKey,
      secretKey: s3.secretKey,
      region: s3.region,
    });
    await expect(noBucket.put(key(), Buffer.from('x'))).rejects.toMatchObject({ code: 'NoSuchBucket' });
    await expect(storage.read('../../etc/passwd')).rejects.toThrow('invalid storage key');
  });
});
