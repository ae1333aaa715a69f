import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { ContractServer, type RecordedRequest } from '../contract-server';

interface StoredObject {
  body: Buffer;
  etag: string;
  contentType: string;
  lastModified: Date;
}

/**
 * A small S3-compatible object store on 127.0.0.1, path-style (/bucket/key), following the S3 API
 * reference: PutObject 200 with ETag; GetObject 200 or 404 NoSuchKey; HeadObject 200 with
 * Content-Length, ETag and Last-Modified, or 404 without a body; DeleteObject 204, also for a missing
 * key; multipart uploads (ListMultipartUploads, CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload, AbortMultipartUpload) for large objects. Every request must be signed with
 * AWS Signature Version 4 by the one access key (403 InvalidAccessKeyId / SignatureDoesNotMatch);
 * an unknown bucket is 404 NoSuchBucket. Errors are the documented XML <Error><Code>...
 */
export class S3Contract {
  readonly server = new ContractServer();
  readonly objects = new Map<string, StoredObject>();
  private readonly uploads = new Map<string, { key: string; parts: Map<number, Buffer>; initiated: Date }>();
  /** Every part size received (multipart), so a test can see the client's memory-bounded chunks. */
  readonly partSizes: number[] = [];

  constructor(
    readonly bucket = 'gaung-media',
    readonly accessKey = 'gaung-test-access',
    readonly secretKey = 'gaung-test-secret-key-0123456789',
    readonly region = 'us-east-1',
  ) {
    for (const method of ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'])
      this.server.route(method, /.*/, (req, res) => this.handle(req, res));
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  get baseUrl(): string {
    return this.server.baseUrl;
  }

  private handle(req: RecordedRequest, res: ServerResponse): void {
    const [, bucket = '', ...rest] = req.path.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const resource = `/${bucket}${key ? `/${key}` : ''}`;
    const denied = this.authProblem(req);
    if (denied)
      return error(
        res,
        403,
        denied,
        'The request signature we calculated does not match the signature you provided.',
        resource,
        req.method,
      );
    if (bucket !== this.bucket)
      return error(res, 404, 'NoSuchBucket', 'The specified bucket does not exist', resource, req.method);
    const q = req.query;
    if (!key && req.method === 'GET' && q.has('uploads')) return this.listUploads(res, q.get('prefix') ?? '');
    if (!key)
      return error(
        res,
        405,
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
        resource,
        req.method,
      );
    if (req.method === 'POST' && q.has('uploads')) return this.createUpload(res, key);
    if (req.method === 'PUT' && q.has('uploadId')) return this.uploadPart(req, res, resource);
    if (req.method === 'POST' && q.has('uploadId')) return this.completeUpload(req, res, key, resource);
    if (req.method === 'DELETE' && q.has('uploadId'))
      return void (this.uploads.delete(q.get('uploadId')!), res.writeHead(204).end());
    if (req.method === 'PUT') return this.put(res, key, req.body, req.headers['content-type']);
    const stored = this.objects.get(key);
    if (req.method === 'DELETE') return void (this.objects.delete(key), res.writeHead(204).end());
    if (req.method === 'HEAD' || req.method === 'GET') {
      if (!stored)
        return req.method === 'HEAD'
          ? void res.writeHead(404).end()
          : error(res, 404, 'NoSuchKey', 'The specified key does not exist.', resource, req.method);
      res.writeHead(200, {
        'content-type': stored.contentType,
        'content-length': stored.body.length,
        etag: `"${stored.etag}"`,
        'last-modified': stored.lastModified.toUTCString(),
      });
      return void res.end(req.method === 'GET' ? stored.body : undefined);
    }
    error(
      res,
      405,
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
      resource,
      req.method,
    );
  }

  private put(res: ServerResponse, key: string, body: Buffer, contentType = 'binary/octet-stream'): void {
    const etag = createHash('md5').update(body).digest('hex');
    this.objects.set(key, { body, etag, contentType, lastModified: new Date() });
    res.writeHead(200, { etag: `"${etag}"` }).end();
  }

  private listUploads(res: ServerResponse, prefix: string): void {
    const uploads = [...this.uploads.entries()].filter(([, u]) => u.key.startsWith(prefix));
    const items = uploads
      .map(
        ([id, u]) =>
          `<Upload><Key>${u.key}</Key><UploadId>${id}</UploadId><Initiated>${u.initiated.toISOString()}</Initiated></Upload>`,
      )
      .join('');
    xml(
      res,
      200,
      `<ListMultipartUploadsResult><Bucket>${this.bucket}</Bucket><Prefix>${prefix}</Prefix><IsTruncated>false</IsTruncated>${items}</ListMultipartUploadsResult>`,
    );
  }

  private createUpload(res: ServerResponse, key: string): void {
    const uploadId = randomUUID();
    this.uploads.set(uploadId, { key, parts: new Map(), initiated: new Date() });
    xml(
      res,
      200,
      `<InitiateMultipartUploadResult><Bucket>${this.bucket}</Bucket><Key>${key}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
    );
  }

  private uploadPart(req: RecordedRequest, res: ServerResponse, resource: string): void {
    const upload = this.uploads.get(req.query.get('uploadId')!);
    if (!upload) return error(res, 404, 'NoSuchUpload', 'The specified upload does not exist.', resource, req.method);
    upload.parts.set(Number(req.query.get('partNumber')), req.body);
    this.partSizes.push(req.body.length);
    res.writeHead(200, { etag: `"${createHash('md5').update(req.body).digest('hex')}"` }).end();
  }

  private completeUpload(req: RecordedRequest, res: ServerResponse, key: string, resource: string): void {
    const uploadId = req.query.get('uploadId')!;
    const upload = this.uploads.get(uploadId);
    if (!upload) return error(res, 404, 'NoSuchUpload', 'The specified upload does not exist.', resource, req.method);
    const numbers = [...req.body.toString('utf8').matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((m) =>
      Number(m[1]),
    );
    if (numbers.length === 0 || numbers.some((n) => !upload.parts.has(n)))
      return error(
        res,
        400,
        'InvalidPart',
        'One or more of the specified parts could not be found.',
        resource,
        req.method,
      );
    const body = Buffer.concat(numbers.map((n) => upload.parts.get(n)!));
    const etag = `${createHash('md5').update(body).digest('hex')}-${numbers.length}`;
    this.objects.set(key, { body, etag, contentType: 'binary/octet-stream', lastModified: new Date() });
    this.uploads.delete(uploadId);
    xml(
      res,
      200,
      `<CompleteMultipartUploadResult><Location>${this.baseUrl}${resource}</Location><Bucket>${this.bucket}</Bucket><Key>${key}</Key><ETag>"${etag}"</ETag></CompleteMultipartUploadResult>`,
    );
  }

  /** Checks the AWS Signature Version 4 of a request; null when it is right, else the S3 error code. */
  private authProblem(req: RecordedRequest): string | null {
    const match =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
        String(req.headers.authorization ?? ''),
      );
    if (!match) return 'AccessDenied';
    const [, accessKey, day, region, signedHeaders, signature] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (accessKey !== this.accessKey) return 'InvalidAccessKeyId';
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== createHash('sha256').update(req.body).digest('hex'))
      return 'XAmzContentSHA256Mismatch';
    const query = [...req.query.entries()]
      .map(([k, v]) => [encode(k), encode(v)])
      .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const headers = signedHeaders
      .split(';')
      .map(
        (name) =>
          `${name}:${String(req.headers[name] ?? '')
            .trim()
            .replace(/\s+/g, ' ')}\n`,
      )
      .join('');
    const path = req.path
      .split('/')
      .map((part) => encode(decodeURIComponent(part)))
      .join('/');
    const canonical = [req.method, path, query, headers, signedHeaders, payloadHash].join('\n');
    const scope = `${day}/${region}/s3/aws4_request`;
    const toSign = [
      'AWS4-HMAC-SHA256',
      String(req.headers['x-amz-date']),
      scope,
      createHash('sha256').update(canonical).digest('hex'),
    ].join('\n');
    let key: Buffer = Buffer.from(`AWS4${this.secretKey}`);
    for (const part of [day, region, 's3', 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
    return createHmac('sha256', key).update(toSign).digest('hex') === signature ? null : 'SignatureDoesNotMatch';
  }
}

function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function xml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

function error(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  resource: string,
  method: string,
): void {
  // HEAD answers carry no body: the status and x-amz headers only.
  if (method === 'HEAD') return void res.writeHead(status, { 'x-amz-error-code': code }).end();
  xml(
    res,
    status,
    `<Error><Code>${code}</Code><Message>${message}</Message><Resource>${resource}</Resource><RequestId>${randomUUID()}</RequestId></Error>`,
  );
}
