import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { ContractServer, type Handler, type RecordedRequest, sendJson } from '../contract-server';
import { FaultPlan } from '../meta-graph/faults';
import { ConsentDialog } from '../consent-dialog';

export interface LinkedInMember {
  sub: string;
  name: string;
  /** Organisation ids this member may post for (ADMINISTRATOR or CONTENT_ADMINISTRATOR). */
  adminOf: string[];
}

export type VideoStatus = 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';

export interface StoredVideo {
  owner: string;
  fileSizeBytes: number;
  uploadToken: string;
  parts: Array<{ id: string; firstByte: number; lastByte: number; etag: string; bytes?: Buffer }>;
  status: VideoStatus;
  /** GETs still answered PROCESSING after finalizeUpload. */
  processingPolls: number;
}

export interface StoredPost {
  urn: string;
  body: Record<string, unknown>;
  headers: RecordedRequest['headers'];
}

/**
 * LinkedIn REST API, as documented: every /rest call needs LinkedIn-Version (YYYYMM) and
 * X-Restli-Protocol-Version 2.0.0; POST /rest/posts answers 201 with the post URN in x-restli-id;
 * POST /rest/images?action=initializeUpload gives an uploadUrl to PUT the bytes to;
 * POST /rest/videos?action=initializeUpload gives one upload URL per 4 MiB byte range (each PUT
 * answers an ETag), finalizeUpload takes the ETags in order, then GET /rest/videos/{urn} moves from
 * PROCESSING to AVAILABLE (or PROCESSING_FAILED); GET /v2/userinfo
 * (OpenID) and GET /rest/organizations/{id}; OAuth at /oauth/v2/accessToken. Errors are
 * { status, serviceErrorCode, code, message }.
 */
export class LinkedInContract extends ContractServer {
  readonly app = {
    clientId: 'li-client',
    clientSecret: 'li-secret',
    redirectUri: 'https://gaung.example/oauth/callback/linkedin',
  };
  readonly tokens = new Map<string, string>();
  readonly refreshTokens = new Map<string, string>();
  readonly codes = new Map<string, string>();
  /** LinkedIn's authorization dialog: the scopes granted with each code follow its access and refresh tokens. */
  readonly consent = new ConsentDialog(' ');
  readonly members = new Map<string, LinkedInMember>();
  readonly organizations = new Map<string, { localizedName: string; vanityName: string }>();
  readonly images = new Map<string, { owner: string; uploaded: boolean }>();
  readonly videos = new Map<string, StoredVideo>();
  readonly posts: StoredPost[] = [];
  /** LinkedIn splits videos into 4 MiB parts; tests shrink it to get several parts from a few bytes. */
  videoPartBytes = 4 * 1024 * 1024;
  /** How many status reads answer PROCESSING before the video becomes AVAILABLE. */
  videoProcessingPolls = 2;
  /** The failure mode: the next finalized video ends PROCESSING_FAILED instead of AVAILABLE. */
  failNextVideoProcessing = false;
  readonly faults = new FaultPlan();
  private nextId = 7_300_000_000_000_000_000n;

  constructor() {
    super();
    this.liRoute('POST', '/oauth/v2/accessToken', (req, res) => this.token(req, res));
    this.liRoute('GET', '/v2/userinfo', (req, res) => {
      const member = this.memberOf(req, res);
      if (member)
        sendJson(res, 200, {
          sub: member.sub,
          name: member.name,
          given_name: member.name.split(' ')[0],
          locale: { country: 'ID', language: 'id' },
        });
    });
    this.liRoute('GET', '/rest/organizations/:id', (req, res) => {
      const member = this.restMember(req, res);
      if (!member) return;
      const id = req.path.split('/')[3];
      const org = this.organizations.get(id);
      if (!org) return liError(res, 404, 'RESOURCE_NOT_FOUND', 'Not Found');
      sendJson(res, 200, { id: Number(id), ...org });
    });
    this.liRoute('POST', '/rest/images', (req, res) => {
      const member = this.restMember(req, res);
      if (!member) return;
      if (req.query.get('action') !== 'initializeUpload')
        return liError(res, 400, 'ILLEGAL_ARGUMENT', 'Unknown action');
      const owner =
        (req.json as { initializeUploadRequest?: { owner?: string } })?.initializeUploadRequest?.owner ?? '';
      if (!this.mayActAs(member, owner))
        return liError(res, 403, 'ACCESS_DENIED', `Not enough permissions to act as ${owner}`);
      const id = randomBytes(6).toString('hex');
      this.images.set(`urn:li:image:${id}`, { owner, uploaded: false });
      sendJson(res, 200, {
        value: {
          uploadUrlExpiresAt: Date.now() + 86_400_000,
          uploadUrl: `${this.baseUrl}/dms-uploads/${id}`,
          image: `urn:li:image:${id}`,
        },
      });
    });
    this.liRoute('POST', '/rest/videos', (req, res) => this.videoAction(req, res));
    this.liRoute('GET', '/rest/videos/:urn', (req, res) => {
      if (!this.restMember(req, res)) return;
      const urn = decodeURIComponent(req.path.split('/')[3]);
      const video = this.videos.get(urn);
      if (!video) return liError(res, 404, 'RESOURCE_NOT_FOUND', 'Not Found');
      if (video.status === 'PROCESSING' && video.processingPolls-- <= 0) video.status = 'AVAILABLE';
      const reason = video.status === 'PROCESSING_FAILED' ? { processingFailureReason: 'Unsupported video codec' } : {};
      sendJson(res, 200, { id: urn, owner: video.owner, status: video.status, ...reason });
    });
    this.liRoute('PUT', '/dms-uploads/:id', (req, res) => {
      if (!this.memberOf(req, res)) return;
      if (this.receiveVideoPart(req, res)) return;
      const image = this.images.get(`urn:li:image:${req.path.split('/')[2]}`);
      if (!image || req.body.length === 0) return liError(res, 400, 'ILLEGAL_ARGUMENT', 'Bad upload');
      image.uploaded = true;
      res.writeHead(201).end();
    });
    this.liRoute('POST', '/rest/posts', (req, res) => this.createPost(req, res));
  }

  addMember(member: LinkedInMember, accessToken: string, refreshToken?: string): this {
    this.members.set(member.sub, member);
    this.tokens.set(accessToken, member.sub);
    if (refreshToken) this.refreshTokens.set(refreshToken, member.sub);
    return this;
  }

  failNext(method: string, pattern: RegExp, fault: Handler): this {
    this.faults.failNext(method, pattern, fault);
    return this;
  }

  private liRoute(method: string, path: string, handler: Handler): void {
    this.route(method, path, this.faults.wrap(handler));
  }

  private memberOf(req: RecordedRequest, res: ServerResponse): LinkedInMember | undefined {
    const sub = this.tokens.get(req.headers.authorization?.replace(/^Bearer /, '') ?? '');
    const member = sub ? this.members.get(sub) : undefined;
    if (!member) liError(res, 401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600);
    return member;
  }

  /** /rest calls also need the versioning headers; answers the error itself and returns undefined when one is missing or the token is invalid. */
  restMember(req: RecordedRequest, res: ServerResponse): LinkedInMember | undefined {
    const version = req.headers['linkedin-version'];
    if (typeof version !== 'string' || !/^\d{6}$/.test(version)) {
      liError(res, 426, 'NONEXISTENT_VERSION', `Requested version ${version ?? ''} is not active`);
      return undefined;
    }
    if (req.headers['x-restli-protocol-version'] !== '2.0.0') {
      liError(res, 400, 'ILLEGAL_ARGUMENT', 'X-Restli-Protocol-Version 2.0.0 is required');
      return undefined;
    }
    return this.memberOf(req, res);
  }

  private mayActAs(member: LinkedInMember, urn: string): boolean {
    return urn === `urn:li:person:${member.sub}` || member.adminOf.some((id) => urn === `urn:li:organization:${id}`);
  }

  private videoAction(req: RecordedRequest, res: ServerResponse): void {
    const member = this.restMember(req, res);
    if (!member) return;
    const action = req.query.get('action');
    if (action === 'initializeUpload') {
      const init = (
        req.json as {
          initializeUploadRequest?: {
            owner?: string;
            fileSizeBytes?: number;
            uploadCaptions?: boolean;
            uploadThumbnail?: boolean;
          };
        }
      )?.initializeUploadRequest;
      const owner = init?.owner ?? '';
      if (!this.mayActAs(member, owner))
        return liError(res, 403, 'ACCESS_DENIED', `Not enough permissions to act as ${owner}`);
      const size = init?.fileSizeBytes;
      if (
        typeof size !== 'number' ||
        size <= 0 ||
        typeof init?.uploadCaptions !== 'boolean' ||
        typeof init.uploadThumbnail !== 'boolean'
      ) {
        return liError(
          res,
          400,
          'ILLEGAL_ARGUMENT',
          'initializeUploadRequest needs owner, fileSizeBytes, uploadCaptions and uploadThumbnail',
        );
      }
      const urn = `urn:li:video:${randomBytes(6).toString('hex')}`;
      const parts: StoredVideo['parts'] = [];
      for (let first = 0; first < size; first += this.videoPartBytes) {
        parts.push({
          id: randomBytes(6).toString('hex'),
          firstByte: first,
          lastByte: Math.min(first + this.videoPartBytes, size) - 1,
          etag: `/ama/${randomBytes(8).toString('hex')}`,
        });
      }
      // One part needs no token (LinkedIn answers ""); a multi-part upload does.
      const uploadToken = parts.length > 1 ? randomBytes(8).toString('hex') : '';
      this.videos.set(urn, {
        owner,
        fileSizeBytes: size,
        uploadToken,
        parts,
        status: 'WAITING_UPLOAD',
        processingPolls: this.videoProcessingPolls,
      });
      const uploadInstructions = parts.map((p) => ({
        uploadUrl: `${this.baseUrl}/dms-uploads/${p.id}`,
        firstByte: p.firstByte,
        lastByte: p.lastByte,
      }));
      return sendJson(res, 200, {
        value: { uploadUrlsExpireAt: Date.now() + 86_400_000, video: urn, uploadInstructions, uploadToken },
      });
    }
    if (action === 'finalizeUpload') {
      const request = (
        req.json as { finalizeUploadRequest?: { video?: string; uploadToken?: string; uploadedPartIds?: string[] } }
      )?.finalizeUploadRequest;
      const video = this.videos.get(request?.video ?? '');
      if (!video || video.status !== 'WAITING_UPLOAD')
        return liError(res, 400, 'ILLEGAL_ARGUMENT', 'Video is not waiting for an upload');
      if (request?.uploadToken !== video.uploadToken)
        return liError(res, 400, 'ILLEGAL_ARGUMENT', 'Invalid uploadToken');
      const expected = video.parts.map((p) => p.etag);
      if (video.parts.some((p) => !p.bytes) || JSON.stringify(request.uploadedPartIds) !== JSON.stringify(expected)) {
        return liError(res, 400, 'ILLEGAL_ARGUMENT', 'uploadedPartIds do not match the uploaded parts');
      }
      video.status = this.failNextVideoProcessing ? 'PROCESSING_FAILED' : 'PROCESSING';
      this.failNextVideoProcessing = false;
      return void res.writeHead(200).end();
    }
    liError(res, 400, 'ILLEGAL_ARGUMENT', 'Unknown action');
  }

  /** A video part must carry exactly its byte range; LinkedIn answers its ETag. False if the id is not a video part. */
  private receiveVideoPart(req: RecordedRequest, res: ServerResponse): boolean {
    const id = req.path.split('/')[2];
    const part = [...this.videos.values()].flatMap((v) => v.parts).find((p) => p.id === id);
    if (!part) return false;
    if (req.body.length !== part.lastByte - part.firstByte + 1) {
      liError(
        res,
        400,
        'ILLEGAL_ARGUMENT',
        `Expected ${part.lastByte - part.firstByte + 1} bytes, got ${req.body.length}`,
      );
      return true;
    }
    part.bytes = req.body;
    res.writeHead(200, { etag: part.etag }).end();
    return true;
  }

  private createPost(req: RecordedRequest, res: ServerResponse): void {
    const member = this.restMember(req, res);
    if (!member) return;
    const body = (req.json ?? {}) as Record<string, unknown> & {
      author?: string;
      commentary?: string;
      content?: { media?: { id: string }; multiImage?: { images: Array<{ id: string }> } };
    };
    if (!body.author || !this.mayActAs(member, body.author))
      return liError(
        res,
        403,
        'ACCESS_DENIED',
        'Not enough permissions to access: partnerApiPostsExternal.CREATE.20251101',
        100,
      );
    if (
      body.lifecycleState !== 'PUBLISHED' ||
      body.visibility !== 'PUBLIC' ||
      (body.distribution as { feedDistribution?: string })?.feedDistribution !== 'MAIN_FEED'
    ) {
      return liError(
        res,
        422,
        'UNPROCESSABLE_ENTITY',
        'ERROR :: /distribution :: field is required but not found and has no default value',
      );
    }
    if ((body.commentary ?? '').length > 3000)
      return liError(res, 422, 'UNPROCESSABLE_ENTITY', 'ERROR :: /commentary :: is too long');
    const mediaIds =
      body.content?.multiImage?.images.map((i) => i.id) ?? (body.content?.media ? [body.content.media.id] : []);
    const ready = (id: string) =>
      id.startsWith('urn:li:video:') ? this.videos.get(id)?.status === 'AVAILABLE' : this.images.get(id)?.uploaded;
    if (mediaIds.some((id) => !ready(id)))
      return liError(res, 422, 'UNPROCESSABLE_ENTITY', 'ERROR :: /content :: media is not uploaded or not processed');
    const duplicate = this.posts.find((p) => p.body.author === body.author && p.body.commentary === body.commentary);
    if (duplicate) return liError(res, 422, 'DUPLICATE_POST', `Content is a duplicate of ${duplicate.urn}`);
    this.nextId += 1n;
    const urn = `urn:li:share:${this.nextId}`;
    this.posts.push({ urn, body, headers: req.headers });
    res.writeHead(201, { 'x-restli-id': urn, 'x-linkedin-id': urn }).end();
  }

  /** The member approves the authorization dialog at this URL: the code it answers carries the URL's scopes. */
  approve(authorizeUrl: string, sub: string): string {
    const { code } = this.consent.approve(authorizeUrl, {
      clientId: this.app.clientId,
      redirectUri: this.app.redirectUri,
    });
    this.codes.set(code, sub);
    return code;
  }

  private token(req: RecordedRequest, res: ServerResponse): void {
    const form = (req.json ?? {}) as Record<string, string>;
    if (form.client_id !== this.app.clientId || form.client_secret !== this.app.clientSecret) {
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    let sub: string | undefined;
    if (form.grant_type === 'authorization_code' && form.redirect_uri === this.app.redirectUri)
      sub = this.codes.get(form.code ?? '');
    if (form.grant_type === 'refresh_token') sub = this.refreshTokens.get(form.refresh_token ?? '');
    this.codes.delete(form.code ?? '');
    if (!sub)
      return sendJson(res, 400, {
        error: 'invalid_grant',
        error_description: 'The provided authorization grant or refresh token is invalid, expired or revoked',
      });
    const access = `lat-${randomBytes(6).toString('hex')}`;
    const refresh = `lrt-${randomBytes(6).toString('hex')}`;
    this.tokens.set(access, sub);
    this.refreshTokens.set(refresh, sub);
    const scopes =
      form.grant_type === 'refresh_token'
        ? this.consent.scopesOf(form.refresh_token ?? '')
        : this.consent.scopesOfCode(form.code ?? '');
    this.consent.grant(access, scopes);
    this.consent.grant(refresh, scopes);
    sendJson(res, 200, {
      access_token: access,
      expires_in: 5_184_000,
      refresh_token: refresh,
      refresh_token_expires_in: 31_536_000,
      scope: 'openid,profile,w_member_social',
    });
  }
}

export function liError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  serviceErrorCode?: number,
): void {
  sendJson(res, status, { status, code, message, ...(serviceErrorCode ? { serviceErrorCode } : {}) });
}
