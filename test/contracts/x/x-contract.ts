import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { ContractServer, type Handler, type RecordedRequest, sendJson } from '../contract-server';
import { FaultPlan } from '../meta-graph/faults';
import { multipartFields, parseMultipart } from '../multipart';

export interface XUser {
  id: string;
  name: string;
  username: string;
}

export interface StoredTweet {
  id: string;
  authorId: string;
  /** As the author wrote it. */
  sentText: string;
  /** As X returns it: links replaced by t.co, media link appended. */
  text: string;
  entities: {
    urls: Array<{
      start: number;
      end: number;
      url: string;
      expanded_url: string;
      display_url: string;
      media_key?: string;
    }>;
  };
  mediaIds: string[];
}

export type ProcessingState = 'pending' | 'in_progress' | 'succeeded' | 'failed';

/** A chunked (video) upload session: INIT -> APPEND* -> FINALIZE -> STATUS*. */
export interface VideoUpload {
  id: string;
  totalBytes: number;
  mediaType: string;
  mediaCategory: string;
  segments: Map<number, Buffer>;
  /** The reassembled file, set by FINALIZE. */
  file?: Buffer;
  /** The states FINALIZE and each STATUS call walk through; the last one stays. */
  states: ProcessingState[];
  statusCalls: number;
}

export interface RateWindow {
  limit: number;
  remaining: number;
  /** Epoch seconds. */
  reset: number;
}

/**
 * X API v2, as documented: POST /2/tweets (201 { data: { id, text } }), POST /2/media/upload
 * (JSON, base64 media, media_category; or multipart INIT/APPEND/FINALIZE for video, then
 * GET /2/media/upload?command=STATUS while processing_info.state is pending or in_progress; a media id
 * is only usable in a post once succeeded), POST /2/media/metadata (alt text), GET /2/users/me,
 * GET /2/users/:id/tweets, POST /2/oauth2/token (authorization_code with PKCE S256, refresh_token
 * with rotation; confidential clients use HTTP Basic). Errors are problem details
 * { title, detail, type, status }; every answer carries x-rate-limit-limit/-remaining/-reset (epoch s);
 * 429 when a window is exhausted; 403 "duplicate content" for a repeated text.
 */
export class XContract extends ContractServer {
  readonly client = {
    clientId: 'x-client-1',
    clientSecret: 'x-client-secret',
    redirectUri: 'https://gaung.example/oauth/callback/x',
  };
  readonly accessTokens = new Map<string, string>();
  readonly refreshTokens = new Map<string, string>();
  readonly codes = new Map<string, { userId: string; challenge: string; redirectUri: string }>();
  readonly users = new Map<string, XUser>();
  readonly tweets: StoredTweet[] = [];
  readonly media = new Map<string, { altText?: string; bytes: number }>();
  readonly faults = new FaultPlan();
  readonly videoUploads = new Map<string, VideoUpload>();
  /** How processing goes for the next INIT; X documents pending -> in_progress -> succeeded | failed. */
  videoStates: ProcessingState[] = ['pending', 'in_progress', 'succeeded'];
  videoFailure = { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' };
  /** X announces 1-10 s; tests set 0 so polling stays fast. */
  checkAfterSecs = 1;
  tweetWindow: RateWindow = { limit: 100, remaining: 100, reset: Math.floor(Date.now() / 1000) + 900 };
  /** The 24-hour per-user cap X adds on POST /2/tweets. */
  userDayWindow: RateWindow = { limit: 17, remaining: 17, reset: Math.floor(Date.now() / 1000) + 86_400 };
  private nextId = 1_860_000_000_000_000_000n;

  constructor() {
    super();
    this.xRoute('POST', '/2/oauth2/token', (req, res) => this.token(req, res));
    this.xRoute('GET', '/2/users/me', (req, res) => {
      const user = this.userOf(req, res);
      if (user) sendJson(res, 200, { data: user });
    });
    this.xRoute('POST', '/2/media/upload', (req, res) => {
      if (!this.userOf(req, res)) return;
      if (req.headers['content-type']?.startsWith('multipart/form-data')) return this.chunkedCommand(req, res);
      const body = req.json as { media?: string; media_category?: string } | undefined;
      if (!body?.media)
        return problem(res, 400, 'Invalid Request', 'One or more parameters to your request was invalid.');
      const id = this.newId();
      this.media.set(id, { bytes: Buffer.from(body.media, 'base64').length });
      sendJson(res, 200, {
        data: {
          id,
          media_key: `3_${id}`,
          size: this.media.get(id)!.bytes,
          expires_after_secs: 86_400,
          image: { image_type: 'image/jpeg', w: 1, h: 1 },
        },
      });
    });
    this.xRoute('GET', '/2/media/upload', (req, res) => {
      if (!this.userOf(req, res)) return;
      const upload = this.videoUploads.get(req.query.get('media_id') ?? '');
      if (req.query.get('command') !== 'STATUS' || !upload?.file)
        return problem(res, 400, 'Invalid Request', 'One or more parameters to your request was invalid.');
      upload.statusCalls++;
      sendJson(res, 200, { data: this.uploadJson(upload) });
    });
    this.xRoute('POST', '/2/media/metadata', (req, res) => {
      if (!this.userOf(req, res)) return;
      const body = req.json as { id: string; metadata: { alt_text: { text: string } } };
      const media = this.media.get(body.id);
      if (!media) return problem(res, 400, 'Invalid Request', 'The media id is invalid.');
      media.altText = body.metadata.alt_text.text;
      sendJson(res, 200, { data: { id: body.id, associated_metadata: { alt_text: { text: media.altText } } } });
    });
    this.xRoute('POST', '/2/tweets', (req, res) => this.createTweet(req, res));
    this.xRoute('GET', '/2/users/:id/tweets', (req, res) => {
      if (!this.userOf(req, res)) return;
      const authorId = req.path.split('/')[3];
      const max = Number(req.query.get('max_results') ?? 10);
      const data = this.tweets
        .filter((t) => t.authorId === authorId)
        .reverse()
        .slice(0, max)
        .map((t) => ({
          id: t.id,
          text: htmlEscape(t.text),
          created_at: new Date().toISOString(),
          edit_history_tweet_ids: [t.id],
          ...(t.entities.urls.length ? { entities: t.entities } : {}),
        }));
      sendJson(res, 200, { data, meta: { result_count: data.length } });
    });
  }

  addUser(user: XUser, accessToken: string, refreshToken?: string): this {
    this.users.set(user.id, user);
    this.accessTokens.set(accessToken, user.id);
    if (refreshToken) this.refreshTokens.set(refreshToken, user.id);
    return this;
  }

  failNext(method: string, pattern: RegExp, fault: Handler): this {
    this.faults.failNext(method, pattern, fault);
    return this;
  }

  rateHeaders(window: RateWindow = this.tweetWindow): Record<string, string> {
    return {
      'x-rate-limit-limit': String(window.limit),
      'x-rate-limit-remaining': String(window.remaining),
      'x-rate-limit-reset': String(window.reset),
    };
  }

  private xRoute(method: string, path: string, handler: Handler): void {
    this.route(method, path, this.faults.wrap(handler));
  }

  /** The multipart commands of the chunked upload (a one-shot image upload is JSON). */
  private chunkedCommand(req: RecordedRequest, res: ServerResponse): void {
    const parts = parseMultipart(req);
    const fields = multipartFields(parts);
    const invalid = (detail = 'One or more parameters to your request was invalid.') =>
      problem(res, 400, 'Invalid Request', detail);
    if (fields.command === 'INIT') {
      const totalBytes = Number(fields.total_bytes);
      if (!Number.isInteger(totalBytes) || totalBytes <= 0 || !fields.media_type) return invalid();
      const id = this.newId();
      this.videoUploads.set(id, {
        id,
        totalBytes,
        mediaType: fields.media_type,
        mediaCategory: fields.media_category ?? '',
        segments: new Map(),
        states: [...this.videoStates],
        statusCalls: 0,
      });
      return sendJson(res, 200, { data: { id, media_key: `13_${id}`, expires_after_secs: 86_399 } });
    }
    const upload = this.videoUploads.get(fields.media_id ?? '');
    if (!upload) return invalid('The media id is invalid.');
    if (fields.command === 'APPEND') {
      const index = Number(fields.segment_index);
      const media = parts.find((p) => p.name === 'media');
      if (!Number.isInteger(index) || index < 0 || index > 999 || !media) return invalid();
      if (media.data.length > 5 * 1024 * 1024) return invalid('The segment is larger than 5 MB.');
      upload.segments.set(index, Buffer.from(media.data));
      res.writeHead(204);
      return void res.end();
    }
    if (fields.command === 'FINALIZE') {
      const indexes = [...upload.segments.keys()].sort((a, b) => a - b);
      const file = Buffer.concat(indexes.map((i) => upload.segments.get(i)!));
      if (indexes.some((value, position) => value !== position) || file.length !== upload.totalBytes)
        return invalid('File size does not match the total_bytes given at INIT.');
      upload.file = file;
      return sendJson(res, 200, { data: this.uploadJson(upload) });
    }
    invalid();
  }

  /** The upload's answer at its current state; each call moves processing one state on. */
  private uploadJson(upload: VideoUpload): Record<string, unknown> {
    const state = upload.states.length > 1 ? upload.states.shift()! : upload.states[0];
    if (state === 'succeeded') this.media.set(upload.id, { bytes: upload.totalBytes });
    const processing_info: Record<string, unknown> = { state };
    if (state === 'pending' || state === 'in_progress') processing_info.check_after_secs = this.checkAfterSecs;
    if (state === 'in_progress') processing_info.progress_percent = 50;
    if (state === 'failed') processing_info.error = this.videoFailure;
    return {
      id: upload.id,
      media_key: `13_${upload.id}`,
      size: upload.totalBytes,
      expires_after_secs: 86_399,
      processing_info,
    };
  }

  private newId(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  private userOf(req: RecordedRequest, res: ServerResponse): XUser | undefined {
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const user = this.users.get(this.accessTokens.get(token) ?? '');
    if (!user) problem(res, 401, 'Unauthorized', 'Unauthorized', this.rateHeaders());
    return user;
  }

  private createTweet(req: RecordedRequest, res: ServerResponse): void {
    const user = this.userOf(req, res);
    if (!user) return;
    if (this.tweetWindow.remaining <= 0 || this.userDayWindow.remaining <= 0) {
      return problem(res, 429, 'Too Many Requests', 'Too Many Requests', {
        ...this.rateHeaders(),
        'x-user-limit-24hour-limit': String(this.userDayWindow.limit),
        'x-user-limit-24hour-remaining': String(this.userDayWindow.remaining),
        'x-user-limit-24hour-reset': String(this.userDayWindow.reset),
      });
    }
    this.tweetWindow.remaining--;
    this.userDayWindow.remaining--;
    const body = (req.json ?? {}) as { text?: string; media?: { media_ids?: string[] } };
    const mediaIds = body.media?.media_ids ?? [];
    if (mediaIds.some((id) => !this.media.has(id)))
      return problem(res, 400, 'Invalid Request', 'Your media IDs are invalid.', this.rateHeaders());
    const sentText = body.text ?? '';
    if (this.tweets.some((t) => t.authorId === user.id && t.sentText === sentText && sentText !== '')) {
      return problem(
        res,
        403,
        'Forbidden',
        'You are not allowed to create a Tweet with duplicate content.',
        this.rateHeaders(),
      );
    }
    const tweet = shorten(this.newId(), user.id, sentText, mediaIds);
    this.tweets.push(tweet);
    sendJson(
      res,
      201,
      { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } },
      this.rateHeaders(),
    );
  }

  private token(req: RecordedRequest, res: ServerResponse): void {
    const form = (req.json ?? {}) as Record<string, string>;
    const basic = req.headers.authorization?.startsWith('Basic ')
      ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString()
      : undefined;
    if (
      form.client_id !== this.client.clientId ||
      (basic !== undefined && basic !== `${this.client.clientId}:${this.client.clientSecret}`)
    ) {
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'Missing valid authorization header' });
    }
    let userId: string | undefined;
    if (form.grant_type === 'authorization_code') {
      const code = this.codes.get(form.code ?? '');
      const challenge = createHash('sha256')
        .update(form.code_verifier ?? '')
        .digest('base64url');
      if (code && code.challenge === challenge && code.redirectUri === form.redirect_uri) userId = code.userId;
      this.codes.delete(form.code ?? '');
    } else if (form.grant_type === 'refresh_token') {
      userId = this.refreshTokens.get(form.refresh_token ?? '');
      this.refreshTokens.delete(form.refresh_token ?? '');
    }
    if (!userId)
      return sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'Value passed for the token was invalid.',
      });
    const access = `xat-${randomBytes(6).toString('hex')}`;
    const refresh = `xrt-${randomBytes(6).toString('hex')}`;
    this.accessTokens.set(access, userId);
    this.refreshTokens.set(refresh, userId);
    sendJson(res, 200, {
      token_type: 'bearer',
      expires_in: 7200,
      access_token: access,
      scope: 'tweet.read tweet.write users.read offline.access media.write',
      refresh_token: refresh,
    });
  }
}

function problem(
  res: ServerResponse,
  status: number,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { title, detail, type: 'about:blank', status }, headers);
}

function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What X stores: every link becomes a 23-character t.co link, a media link is appended. */
function shorten(id: string, authorId: string, sentText: string, mediaIds: string[]): StoredTweet {
  const urls: StoredTweet['entities']['urls'] = [];
  let text = sentText.replace(/https?:\/\/\S+/g, (expanded) => {
    const url = `https://t.co/${randomBytes(5).toString('hex')}`;
    urls.push({ start: 0, end: 0, url, expanded_url: expanded, display_url: expanded.replace(/^https?:\/\//, '') });
    return url;
  });
  if (mediaIds.length) {
    const url = `https://t.co/${randomBytes(5).toString('hex')}`;
    text = `${text} ${url}`.trim();
    urls.push({
      start: 0,
      end: 0,
      url,
      expanded_url: `https://x.com/i/status/${id}/photo/1`,
      display_url: 'pic.x.com/x',
      media_key: `3_${mediaIds[0]}`,
    });
  }
  for (const entity of urls) {
    entity.start = text.indexOf(entity.url);
    entity.end = entity.start + entity.url.length;
  }
  return { id, authorId, sentText, text, entities: { urls }, mediaIds };
}
