import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { ContractServer, dropConnection, hang, sendJson, type RecordedRequest } from '../contract-server';
import { multipartFields, parseMultipart } from '../multipart';

/**
 * A Mastodon instance as documented at docs.joinmastodon.org: Bearer tokens with scopes (401 for a
 * bad token, 403 for a missing scope), POST /api/v2/media answering 202 with url null while
 * processing and GET /api/v1/media/:id answering 206 until done, POST /api/v1/statuses with the
 * Idempotency-Key remembered per account (same key -> same status), 422 "Validation failed" bodies,
 * and X-RateLimit-Limit/Remaining/Reset (ISO 8601) headers with 429 {"error":"Too many requests"}.
 */
export interface MastodonStatus {
  id: string;
  url: string;
  uri: string;
  content: string;
  mediaIds: string[];
  visibility: string;
  idempotencyKey?: string;
  accountId: string;
  createdAt: Date;
}

interface MediaState {
  id: string;
  token: string;
  description?: string;
  bytes: number;
  pollsUntilReady: number;
}

export type MastodonFault =
  | { kind: 'error'; status: number; error: string }
  | { kind: 'drop-after-create' }
  | { kind: 'hang-after-create' }
  | { kind: 'rate-limited'; resetInSeconds: number };

const URL_PLACEHOLDER = 'x'.repeat(23);

export class MastodonContract {
  readonly server = new ContractServer();
  readonly statuses: MastodonStatus[] = [];
  readonly media = new Map<string, MediaState>();
  readonly tokens = new Map<string, { accountId: string; scopes: string[] }>();
  readonly apps: Array<{ clientId: string; clientSecret: string; redirectUri: string; scopes: string }> = [];
  readonly grants = new Map<string, { clientId: string; redirectUri: string; accountId: string }>();
  maxCharacters = 500;
  /** How many GET /api/v1/media/:id answer 206 before the next upload is ready (0: upload answers 200). */
  mediaPollsUntilReady = 0;
  /** Some servers of the Mastodon API ignore Idempotency-Key: the same key posts a second status. */
  ignoresIdempotencyKey = false;
  /** A fault applied to each status creation with probability `chance` (chaos runs); queued faults go first. */
  randomStatusFault: { chance: number; pick: () => MastodonFault } | null = null;
  private readonly statusFaults: MastodonFault[] = [];
  private readonly mediaFaults: MastodonFault[] = [];
  private readonly idempotency = new Map<string, MastodonStatus>();
  private nextId = 110_000_000_000_000_000n;

  constructor(readonly domain = 'sosial.serikat.test') {
    const s = this.server;
    s.route('POST', '/api/v1/apps', (req, res) => this.registerApp(req, res));
    s.route('POST', '/oauth/token', (req, res) => this.token(req, res));
    s.route('GET', '/api/v1/accounts/verify_credentials', (req, res) =>
      this.authed(req, res, 'read:accounts', (accountId) => this.me(res, accountId)),
    );
    s.route('GET', '/api/v2/instance', (_req, res) => this.instance(res));
    s.route('POST', '/api/v2/media', (req, res) => this.authed(req, res, 'write:media', () => this.upload(req, res)));
    s.route('GET', '/api/v1/media/:id', (req, res) =>
      this.authed(req, res, 'write:media', () => this.pollMedia(req, res)),
    );
    s.route('GET', '/api/v1/accounts/:id/statuses', (req, res) => this.accountStatuses(req, res));
    s.route('POST', '/api/v1/statuses', (req, res) =>
      this.authed(req, res, 'write:statuses', (accountId) => this.createStatus(req, res, accountId)),
    );
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

  failNextStatus(fault: MastodonFault): void {
    this.statusFaults.push(fault);
  }

  failNextMedia(fault: MastodonFault): void {
    this.mediaFaults.push(fault);
  }

  /** What the admin's approval on /oauth/authorize would hand back to the redirect URI. */
  approve(clientId: string, redirectUri: string, accountId = '1'): string {
    const code = randomBytes(16).toString('hex');
    this.grants.set(code, { clientId, redirectUri, accountId });
    return code;
  }

  private authed(req: RecordedRequest, res: ServerResponse, scope: string, next: (accountId: string) => void): void {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const grant = token ? this.tokens.get(token) : undefined;
    if (!grant) return sendJson(res, 401, { error: 'The access token is invalid' });
    const [family] = scope.split(':');
    if (!grant.scopes.includes(scope) && !grant.scopes.includes(family!)) {
      return sendJson(res, 403, { error: 'This action is outside the authorized scopes' });
    }
    next(grant.accountId);
  }

  private registerApp(req: RecordedRequest, res: ServerResponse): void {
    const body = (req.json ?? {}) as Record<string, string>;
    if (!body.client_name) return sendJson(res, 422, { error: "Validation failed: Application name can't be blank" });
    if (!body.redirect_uris) return sendJson(res, 422, { error: "Validation failed: Redirect URI can't be blank" });
    const app = {
      clientId: randomBytes(12).toString('hex'),
      clientSecret: randomBytes(24).toString('hex'),
      redirectUri: body.redirect_uris,
      scopes: body.scopes ?? 'read',
    };
    this.apps.push(app);
    sendJson(res, 200, {
      id: String(this.apps.length),
      name: body.client_name,
      website: body.website ?? null,
      scopes: app.scopes.split(' '),
      redirect_uri: app.redirectUri,
      redirect_uris: [app.redirectUri],
      client_id: app.clientId,
      client_secret: app.clientSecret,
    });
  }

  private token(req: RecordedRequest, res: ServerResponse): void {
    const body = (req.json ?? {}) as Record<string, string>;
    const app = this.apps.find((a) => a.clientId === body.client_id && a.clientSecret === body.client_secret);
    if (!app)
      return sendJson(res, 401, {
        error: 'invalid_client',
        error_description:
          'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      });
    const grant = this.grants.get(body.code ?? '');
    if (
      body.grant_type !== 'authorization_code' ||
      !grant ||
      grant.clientId !== app.clientId ||
      grant.redirectUri !== body.redirect_uri
    ) {
      return sendJson(res, 400, {
        error: 'invalid_grant',
        error_description:
          'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
      });
    }
    this.grants.delete(body.code!);
    const accessToken = randomBytes(20).toString('hex');
    this.tokens.set(accessToken, { accountId: grant.accountId, scopes: (body.scope ?? app.scopes).split(' ') });
    sendJson(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      scope: body.scope ?? app.scopes,
      created_at: Math.floor(Date.now() / 1000),
    });
  }

  private me(res: ServerResponse, accountId: string): void {
    sendJson(res, 200, {
      id: accountId,
      username: 'kspi',
      acct: 'kspi',
      display_name: 'KSPI Pusat',
      url: `https://${this.domain}/@kspi`,
      source: { privacy: 'public' },
    });
  }

  private instance(res: ServerResponse): void {
    sendJson(res, 200, {
      domain: this.domain,
      title: 'Sosial Serikat',
      configuration: {
        urls: { streaming: `wss://${this.domain}` },
        statuses: { max_characters: this.maxCharacters, max_media_attachments: 4, characters_reserved_per_url: 23 },
        media_attachments: {
          supported_mime_types: ['image/png', 'image/jpeg', 'video/mp4'],
          image_size_limit: 16777216,
        },
      },
    });
  }

  private upload(req: RecordedRequest, res: ServerResponse): void {
    const fault = this.mediaFaults.shift();
    if (fault?.kind === 'error') return sendJson(res, fault.status, { error: fault.error });
    if (fault?.kind === 'drop-after-create') return dropConnection(res);
    const parts = parseMultipart(req);
    const file = parts.find((p) => p.name === 'file' && p.filename !== undefined);
    if (!file || file.data.length === 0)
      return sendJson(res, 422, { error: 'Validation failed: File content type is invalid, File is invalid' });
    const media: MediaState = {
      id: String(this.nextId++),
      token: req.headers.authorization!,
      description: multipartFields(parts).description,
      bytes: file.data.length,
      pollsUntilReady: this.mediaPollsUntilReady,
    };
    this.media.set(media.id, media);
    sendJson(res, media.pollsUntilReady > 0 ? 202 : 200, this.mediaJson(media));
  }

  private pollMedia(req: RecordedRequest, res: ServerResponse): void {
    const media = this.media.get(req.path.split('/').pop()!);
    if (!media || media.token !== req.headers.authorization) return sendJson(res, 404, { error: 'Record not found' });
    if (media.pollsUntilReady > 0) media.pollsUntilReady -= 1;
    sendJson(res, media.pollsUntilReady > 0 ? 206 : 200, this.mediaJson(media));
  }

  private mediaJson(media: MediaState) {
    const ready = media.pollsUntilReady === 0;
    return {
      id: media.id,
      type: 'image',
      url: ready ? `https://${this.domain}/media/${media.id}.png` : null,
      preview_url: `https://${this.domain}/media/small/${media.id}.png`,
      description: media.description ?? null,
    };
  }

  private createStatus(req: RecordedRequest, res: ServerResponse, accountId: string): void {
    const key = req.headers['idempotency-key'];
    const remembered =
      typeof key === 'string' && !this.ignoresIdempotencyKey ? this.idempotency.get(`${accountId}:${key}`) : undefined;
    if (remembered) return sendJson(res, 200, this.statusJson(remembered), this.rateHeaders(299));
    const random = this.randomStatusFault;
    const fault = this.statusFaults.shift() ?? (random && Math.random() < random.chance ? random.pick() : undefined);
    if (fault?.kind === 'error') return sendJson(res, fault.status, { error: fault.error });
    if (fault?.kind === 'rate-limited') {
      return sendJson(res, 429, { error: 'Too many requests' }, this.rateHeaders(0, fault.resetInSeconds));
    }
    const body = (req.json ?? {}) as { status?: string; media_ids?: string[]; visibility?: string };
    const text = body.status ?? '';
    const mediaIds = body.media_ids ?? [];
    if (text.trim() === '' && mediaIds.length === 0)
      return sendJson(res, 422, { error: "Validation failed: Text can't be blank" });
    if (countable(text) > this.maxCharacters)
      return sendJson(res, 422, { error: `Validation failed: Text character limit of ${this.maxCharacters} exceeded` });
    if (mediaIds.length > 4)
      return sendJson(res, 422, { error: 'Validation failed: Media attachments exceed the limit of 4' });
    for (const id of mediaIds) {
      const media = this.media.get(id);
      if (!media || media.token !== req.headers.authorization)
        return sendJson(res, 422, { error: 'Validation failed: Media attachments are invalid' });
      if (media.pollsUntilReady > 0)
        return sendJson(res, 422, {
          error: 'Cannot attach files that have not finished processing. Try again in a moment!',
        });
    }
    const id = String(this.nextId++);
    const status: MastodonStatus = {
      id,
      url: `https://${this.domain}/@kspi/${id}`,
      uri: `https://${this.domain}/users/kspi/statuses/${id}`,
      content: text,
      mediaIds,
      visibility: body.visibility ?? 'public',
      idempotencyKey: typeof key === 'string' ? key : undefined,
      accountId,
      createdAt: new Date(),
    };
    this.statuses.push(status);
    if (typeof key === 'string') this.idempotency.set(`${accountId}:${key}`, status);
    if (fault?.kind === 'drop-after-create') return dropConnection(res);
    if (fault?.kind === 'hang-after-create') return hang();
    sendJson(res, 200, this.statusJson(status), this.rateHeaders(299));
  }

  private statusJson(status: MastodonStatus) {
    return {
      id: status.id,
      uri: status.uri,
      url: status.url,
      visibility: status.visibility,
      created_at: status.createdAt.toISOString(),
      content: renderContent(status.content),
      media_attachments: status.mediaIds.map((id) => this.mediaJson(this.media.get(id)!)),
    };
  }

  /**
   * GET /api/v1/accounts/:id/statuses: newest first, `limit` (max 40), `max_id`. Public statuses are
   * readable without a token; a token without read:statuses is refused (403), as Mastodon does.
   */
  private accountStatuses(req: RecordedRequest, res: ServerResponse): void {
    const list = () => {
      const accountId = req.path.split('/')[4];
      const maxId = req.query.get('max_id');
      const limit = Math.min(40, Number(req.query.get('limit') ?? 20));
      const own = this.statuses.filter(
        (status) => status.accountId === accountId && (!maxId || BigInt(status.id) < BigInt(maxId)),
      );
      sendJson(
        res,
        200,
        own
          .reverse()
          .slice(0, limit)
          .map((status) => this.statusJson(status)),
      );
    };
    if (!req.headers.authorization) return list();
    this.authed(req, res, 'read:statuses', list);
  }

  private rateHeaders(remaining: number, resetInSeconds = 3600): Record<string, string> {
    return {
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': new Date(Date.now() + resetInSeconds * 1000).toISOString(),
    };
  }
}

/** Plain text as Mastodon renders it: escaped, paragraphs on blank lines, <br /> for line breaks. */
function renderContent(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br />')}</p>`)
    .join('');
}

/** Mastodon's StatusLengthValidator: URLs count 23, remote mentions count as the local part. */
function countable(text: string): number {
  const rewritten = text
    .replace(/https?:\/\/[^\s<>"]+/gi, URL_PLACEHOLDER)
    .replace(/(^|[^\w@/])@(\w+)@[\w.-]+\w/g, '$1@$2');
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(rewritten)].length;
}
