import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { Client } from 'minio';
import { checkKey, MediaStorage } from './media-storage';

export interface S3Settings {
  /** http(s)://host[:port] of any S3-compatible service (MinIO, Garage, AWS S3...). */
  endpoint: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

/**
 * The client's smallest part: files larger than this go up in parts of this size, so an upload
 * holds at most one part in memory however large the video is (the default would be 64 MiB).
 */
const PART_BYTES = 5 * 1024 * 1024;

/** Media in an S3-compatible bucket, so API and worker processes on several machines read the same bytes. */
export class S3MediaStorage extends MediaStorage {
  private readonly client: Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    super();
    const url = new URL(settings.endpoint);
    this.bucket = settings.bucket;
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      useSSL: url.protocol === 'https:',
      accessKey: settings.accessKey,
      secretKey: settings.secretKey,
      // Given, so the client never asks the bucket for its location first.
      region: settings.region,
      pathStyle: true,
      partSize: PART_BYTES,
    });
  }

  async put(key: string, body: Buffer | { path: string; size: number }): Promise<void> {
    // An object appears whole when its PUT (or its multipart completion) succeeds: never half-written.
    if (Buffer.isBuffer(body)) await this.client.putObject(this.bucket, checkKey(key), body, body.length);
    else await this.client.putObject(this.bucket, checkKey(key), createReadStream(body.path), body.size);
  }

  async read(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  stream(key: string): Promise<Readable> {
    return this.client.getObject(this.bucket, checkKey(key));
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 for a missing key too.
    await this.client.removeObject(this.bucket, checkKey(key));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.statObject(this.bucket, checkKey(key));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'NotFound' || code === 'NoSuchKey';
}
