import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { ContractServer, dropConnection, hang, sendJson, type RecordedRequest } from '../contract-server';

/**
 * A Bluesky PDS as documented at docs.bsky.app (XRPC over /xrpc/<nsid>): createSession with an app
 * password (401 AuthenticationRequired), access tokens that expire (400 ExpiredToken) and are
 * renewed with refreshSession (refresh tokens are single-use), uploadBlob, resolveHandle,
 * createRecord (post text at most 300 graphemes, TID record keys) and getRecord (400
 * RecordNotFound). A createRecord whose rkey exists answers 500 InternalServerError, as deployed
 * PDSes do (bluesky-social/atproto#3718). Video posts use plain uploadBlob (video/mp4, at most
 * 50 MB here) and an app.bsky.embed.video embed whose blob must have been uploaded; images in
 * app.bsky.embed.images at most 1,000,000 bytes each. 429s carry RateLimit-Limit/-Remaining/-Reset (Unix s)/-Policy.
 */
export interface PdsAccount {
  did: string;
  handle: string;
  appPassword: string;
}

export interface StoredPost {
  uri: string;
  cid: string;
  rkey: string;
  did: string;
  record: {
    text: string;
    createdAt: string;
    facets?: Array<{ index: { byteStart: number; byteEnd: number }; features: Array<Record<string, string>> }>;
    embed?: Record<string, unknown>;
  };
}

export type PdsFault =
  | { kind: 'error'; status: number; error: string; message: string }
  | { kind: 'drop-after-create' }
  | { kind: 'hang-after-create' }
  | { kind: 'rate-limited'; resetInSeconds: number };

/** Bluesky's limit for a video uploaded straight to the PDS. */
export const MAX_VIDEO_BLOB_BYTES = 50 * 1024 * 1024;
export const MAX_IMAGE_BLOB_BYTES = 1_000_000;

const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

export class BlueskyContract {
  readonly server = new ContractServer();
  readonly accounts: PdsAccount[] = [];
  readonly posts: StoredPost[] = [];
  readonly blobs = new Map<string, { mimeType: string; size: number }>();
  /** Extra handles known to the network (for mentions). */
  readonly handles = new Map<string, string>();
  private readonly accessTokens = new Map<string, { did: string; expired: boolean }>();
  private readonly refreshTokens = new Map<string, string>();
  private readonly recordFaults: PdsFault[] = [];
  private readonly uploadFaults: Array<'drop-after-store'> = [];
  private sessionRateLimited = false;

  constructor() {
    const s = this.server;
    s.route('POST', '/xrpc/com.atproto.server.createSession', (req, res) => this.createSession(req, res));
    s.route('POST', '/xrpc/com.atproto.server.refreshSession', (req, res) => this.refreshSession(req, res));
    s.route('GET', '/xrpc/com.atproto.identity.resolveHandle', (req, res) => this.resolveHandle(req, res));
    s.route('POST', '/xrpc/com.atproto.repo.uploadBlob', (req, res) =>
      this.authed(req, res, () => this.uploadBlob(req, res)),
    );
    s.route('POST', '/xrpc/com.atproto.repo.createRecord', (req, res) =>
      this.authed(req, res, (did) => this.createRecord(req, res, did)),
    );
    s.route('GET', '/xrpc/com.atproto.repo.getRecord', (req, res) => this.getRecord(req, res));
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

  addAccount(account: PdsAccount): void {
    this.accounts.push(account);
    this.handles.set(account.handle, account.did);
  }

  /** Every access token issued so far is now past its expiry (the ~2 h lifetime). */
  expireAccessTokens(): void {
    for (const token of this.accessTokens.values()) token.expired = true;
  }

  /** Every refresh token is revoked too: only a new createSession helps. */
  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }

  failNextRecord(fault: PdsFault): void {
    this.recordFaults.push(fault);
  }

  /** The next uploadBlob stores the blob, then drops the connection without answering. */
  dropNextUpload(): void {
    this.uploadFaults.push('drop-after-store');
  }

  rateLimitSessions(on: boolean): void {
    this.sessionRateLimited = on;
  }

  private issue(res: ServerResponse, account: PdsAccount): void {
    const accessJwt = `at.${randomBytes(12).toString('hex')}`;
    const refreshJwt = `rt.${randomBytes(12).toString('hex')}`;
    this.accessTokens.set(accessJwt, { did: account.did, expired: false });
    this.refreshTokens.set(refreshJwt, account.did);
    sendJson(res, 200, { did: account.did, handle: account.handle, accessJwt, refreshJwt, active: true });
  }

  private createSession(req: RecordedRequest, res: ServerResponse): void {
    if (this.sessionRateLimited) return rateLimited(res, 300, 30);
    const body = (req.json ?? {}) as { identifier?: string; password?: string };
    const account = this.accounts.find(
      (a) => (a.handle === body.identifier || a.did === body.identifier) && a.appPassword === body.password,
    );
    if (!account)
      return sendJson(res, 401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
    this.issue(res, account);
  }

  private refreshSession(req: RecordedRequest, res: ServerResponse): void {
    const token = bearer(req);
    const did = token ? this.refreshTokens.get(token) : undefined;
    if (!did) return sendJson(res, 400, { error: 'ExpiredToken', message: 'Token has expired' });
    this.refreshTokens.delete(token!); // single use: the old refresh token is revoked
    this.issue(
      res,
      this.accounts.find((a) => a.did === did)!,
    );
  }

  private authed(req: RecordedRequest, res: ServerResponse, next: (did: string) => void): void {
    const token = bearer(req);
    const grant = token ? this.accessTokens.get(token) : undefined;
    if (!grant) return sendJson(res, 401, { error: 'InvalidToken', message: 'Token could not be verified' });
    if (grant.expired) return sendJson(res, 400, { error: 'ExpiredToken', message: 'Token has expired' });
    next(grant.did);
  }

  private resolveHandle(req: RecordedRequest, res: ServerResponse): void {
    const did = this.handles.get(req.query.get('handle') ?? '');
    if (!did) return sendJson(res, 400, { error: 'InvalidRequest', message: 'Unable to resolve handle' });
    sendJson(res, 200, { did });
  }

  private uploadBlob(req: RecordedRequest, res: ServerResponse): void {
    const cid = `bafkrei${createHash('sha256').update(req.body).digest('hex').slice(0, 40)}`;
    const mimeType = req.headers['content-type'] ?? '*/*';
    if (mimeType.startsWith('video/') && mimeType !== 'video/mp4')
      return sendJson(res, 400, { error: 'InvalidRequest', message: `Unsupported video type: ${mimeType}` });
    if (mimeType.startsWith('video/') && req.body.length > MAX_VIDEO_BLOB_BYTES)
      return sendJson(res, 400, { error: 'BlobTooLarge', message: 'This file is too large' });
    this.blobs.set(cid, { mimeType, size: req.body.length });
    if (this.uploadFaults.shift() === 'drop-after-store') return dropConnection(res);
    sendJson(res, 200, { blob: { $type: 'blob', ref: { $link: cid }, mimeType, size: req.body.length } });
  }

  private createRecord(req: RecordedRequest, res: ServerResponse, did: string): void {
    const body = (req.json ?? {}) as {
      repo?: string;
      collection?: string;
      rkey?: string;
      record?: StoredPost['record'] & { $type?: string };
    };
    if (body.repo !== did)
      return sendJson(res, 400, { error: 'InvalidRequest', message: 'Input/repo must be the authenticated account' });
    const fault = this.recordFaults.shift();
    if (fault?.kind === 'error') return sendJson(res, fault.status, { error: fault.error, message: fault.message });
    if (fault?.kind === 'rate-limited') return rateLimited(res, 5000, fault.resetInSeconds);
    const record = body.record;
    if (body.collection !== 'app.bsky.feed.post' || record?.$type !== 'app.bsky.feed.post')
      return sendJson(res, 400, { error: 'InvalidRequest', message: 'Invalid collection or $type' });
    const rkey = body.rkey ?? nextTid();
    if (!TID.test(rkey))
      return sendJson(res, 400, { error: 'InvalidRequest', message: 'Invalid record key: must be a TID' });
    if ([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(record.text)].length > 300) {
      return sendJson(res, 400, {
        error: 'InvalidRequest',
        message: 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes',
      });
    }
    const embedProblem = this.videoEmbedProblem(record.embed) ?? this.imagesEmbedProblem(record.embed);
    if (embedProblem)
      return sendJson(res, 400, {
        error: 'InvalidRequest',
        message: `Invalid app.bsky.feed.post record: ${embedProblem}`,
      });
    if (this.posts.some((p) => p.did === did && p.rkey === rkey))
      return sendJson(res, 500, { error: 'InternalServerError', message: 'Internal Server Error' });
    const post: StoredPost = {
      uri: `at://${did}/app.bsky.feed.post/${rkey}`,
      cid: `bafyrei${randomBytes(20).toString('hex')}`,
      rkey,
      did,
      record,
    };
    this.posts.push(post);
    if (fault?.kind === 'drop-after-create') return dropConnection(res);
    if (fault?.kind === 'hang-after-create') return hang();
    sendJson(res, 200, {
      uri: post.uri,
      cid: post.cid,
      commit: { cid: `bafyrei${randomBytes(20).toString('hex')}`, rev: '3l' },
      validationStatus: 'valid',
    });
  }

  /** app.bsky.embed.images: each image's blob was uploaded and is at most 1,000,000 bytes (the lexicon's maxSize). */
  private imagesEmbedProblem(embed: Record<string, unknown> | undefined): string | null {
    if (embed?.$type !== 'app.bsky.embed.images') return null;
    const images = (embed.images ?? []) as Array<{ image?: { ref?: { $link?: string } } }>;
    for (const [index, item] of images.entries()) {
      const stored = item.image?.ref?.$link ? this.blobs.get(item.image.ref.$link) : undefined;
      if (!stored) return `Record/embed/images/${index}/image: blob not found`;
      if (stored.size > MAX_IMAGE_BLOB_BYTES)
        return `Record/embed/images/${index}/image file too large (${stored.size} bytes), max 1000000`;
    }
    return null;
  }

  /** app.bsky.embed.video: {video: blob (video/mp4, uploaded), alt?: string, aspectRatio?: {width, height}}. */
  private videoEmbedProblem(embed: Record<string, unknown> | undefined): string | null {
    if (embed?.$type !== 'app.bsky.embed.video') return null;
    const known = new Set(['$type', 'video', 'alt', 'aspectRatio', 'captions']);
    if (Object.keys(embed).some((key) => !known.has(key))) return 'Record/embed has unknown fields';
    const video = embed.video as
      { $type?: string; ref?: { $link?: string }; mimeType?: string; size?: number } | undefined;
    const stored = video?.ref?.$link ? this.blobs.get(video.ref.$link) : undefined;
    if (video?.$type !== 'blob' || !stored) return 'Record/embed/video must be an uploaded blob';
    if (video.mimeType !== 'video/mp4' || stored.mimeType !== 'video/mp4')
      return 'Record/embed/video mimeType must be video/mp4';
    if (video.size !== stored.size) return 'Record/embed/video size does not match the blob';
    if (embed.alt !== undefined && typeof embed.alt !== 'string') return 'Record/embed/alt must be a string';
    const ratio = embed.aspectRatio as { width?: unknown; height?: unknown } | undefined;
    if (
      ratio !== undefined &&
      !(
        Number.isInteger(ratio.width) &&
        Number.isInteger(ratio.height) &&
        Number(ratio.width) > 0 &&
        Number(ratio.height) > 0
      )
    ) {
      return 'Record/embed/aspectRatio must have positive integer width and height';
    }
    return null;
  }

  private getRecord(req: RecordedRequest, res: ServerResponse): void {
    const post = this.posts.find(
      (p) =>
        p.did === req.query.get('repo') &&
        p.rkey === req.query.get('rkey') &&
        req.query.get('collection') === 'app.bsky.feed.post',
    );
    if (!post)
      return sendJson(res, 400, {
        error: 'RecordNotFound',
        message: `Could not locate record: at://${req.query.get('repo')}/${req.query.get('collection')}/${req.query.get('rkey')}`,
      });
    sendJson(res, 200, { uri: post.uri, cid: post.cid, value: { $type: 'app.bsky.feed.post', ...post.record } });
  }
}

function bearer(req: RecordedRequest): string | undefined {
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
}

function rateLimited(res: ServerResponse, limit: number, resetInSeconds: number): void {
  sendJson(
    res,
    429,
    { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    {
      'ratelimit-limit': String(limit),
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
      'ratelimit-policy': `${limit};w=3600`,
    },
  );
}

function nextTid(): string {
  const alphabet = '234567abcdefghijklmnopqrstuvwxyz';
  return `3${[...randomBytes(12)].map((byte) => alphabet[byte % 32]).join('')}`;
}
