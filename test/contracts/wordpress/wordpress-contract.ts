import type { ServerResponse } from 'node:http';
import { ContractServer, dropConnection, hang, sendJson, type RecordedRequest } from '../contract-server';

/**
 * A WordPress site's REST API (developer.wordpress.org/rest-api) under /wp-json: Basic auth with
 * application passwords (401 incorrect_password / invalid_username), WP_Error bodies
 * {code, message, data:{status}}, posts (201 on create, unique slugs get "-2", status=any and
 * context=edit need an authenticated editor), raw media uploads that need Content-Disposition,
 * and users/me?context=edit with capabilities. Core has no rate limit; a host's 429 carries Retry-After.
 */
export interface WpUser {
  id: number;
  username: string;
  name: string;
  appPassword: string;
  canPublish: boolean;
}

export interface WpStoredPost {
  id: number;
  title: string;
  content: string;
  status: string;
  slug: string;
  featuredMedia: number;
  author: number;
}

export type WpFault =
  | { kind: 'error'; status: number; code: string; message: string }
  | { kind: 'drop-after-create' }
  | { kind: 'hang-after-create' }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

const STATUSES = ['publish', 'future', 'draft', 'pending', 'private'];

export class WordpressContract {
  readonly server = new ContractServer();
  readonly users: WpUser[] = [];
  readonly posts: WpStoredPost[] = [];
  /** `post`: the post the item is attached to (0: unattached), as the media item's `post` field. */
  readonly media: Array<{
    id: number;
    filename: string;
    mimeType: string;
    bytes: number;
    altText: string;
    post: number;
  }> = [];
  private readonly postFaults: WpFault[] = [];
  private nextId = 100;

  constructor(readonly siteName = 'Serikat Pekerja Nasional') {
    const s = this.server;
    s.route('GET', '/wp-json/', (_req, res) =>
      sendJson(res, 200, {
        name: this.siteName,
        description: 'Berita serikat',
        url: this.server.baseUrl,
        namespaces: ['oembed/1.0', 'wp/v2'],
      }),
    );
    s.route('GET', '/wp-json/wp/v2/users/me', (req, res) =>
      this.authed(req, res, (user) => this.me(req, res, user), 'rest_not_logged_in'),
    );
    s.route('GET', '/wp-json/wp/v2/posts', (req, res) => this.listPosts(req, res));
    s.route('POST', '/wp-json/wp/v2/posts', (req, res) =>
      this.authed(req, res, (user) => this.createPost(req, res, user), 'rest_cannot_create'),
    );
    s.route('POST', '/wp-json/wp/v2/media', (req, res) =>
      this.authed(req, res, () => this.upload(req, res), 'rest_cannot_create'),
    );
    s.route('POST', '/wp-json/wp/v2/media/:id', (req, res) =>
      this.authed(req, res, () => this.updateMedia(req, res), 'rest_cannot_edit'),
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

  failNextPost(fault: WpFault): void {
    this.postFaults.push(fault);
  }

  /** Resolves Basic credentials the way wp_authenticate_application_password does (spaces ignored). */
  private authed(req: RecordedRequest, res: ServerResponse, next: (user: WpUser) => void, anonymousCode: string): void {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) {
      const message =
        anonymousCode === 'rest_not_logged_in'
          ? 'You are not currently logged in.'
          : 'Sorry, you are not allowed to create posts as this user.';
      return wpError(res, 401, anonymousCode, message);
    }
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    const user = this.users.find((u) => u.username === decoded.slice(0, separator));
    if (!user) return wpError(res, 401, 'invalid_username', 'Unknown username. Check again or try your email address.');
    if (decoded.slice(separator + 1).replace(/[^a-z\d]/gi, '') !== user.appPassword.replace(/[^a-z\d]/gi, '')) {
      return wpError(res, 401, 'incorrect_password', 'The provided password is an invalid application password.');
    }
    next(user);
  }

  private me(req: RecordedRequest, res: ServerResponse, user: WpUser): void {
    const edit = req.query.get('context') === 'edit';
    sendJson(res, 200, {
      id: user.id,
      name: user.name,
      slug: user.username,
      ...(edit
        ? {
            username: user.username,
            capabilities: {
              read: true,
              edit_posts: true,
              publish_posts: user.canPublish,
              upload_files: user.canPublish,
            },
          }
        : {}),
    });
  }

  private listPosts(req: RecordedRequest, res: ServerResponse): void {
    const statuses = (req.query.get('status') ?? 'publish').split(',');
    const needsAuth = req.query.get('context') === 'edit' || statuses.some((s) => s !== 'publish');
    const respond = () => {
      const slugs = req.query.get('slug')?.split(',');
      const wanted = statuses.includes('any') ? STATUSES : statuses;
      const found = this.posts.filter((p) => wanted.includes(p.status) && (!slugs || slugs.includes(p.slug)));
      sendJson(
        res,
        200,
        found.map((p) => this.postJson(p)),
        { 'x-wp-total': String(found.length), 'x-wp-totalpages': '1' },
      );
    };
    if (!needsAuth) return respond();
    this.authed(req, res, () => respond(), 'rest_forbidden_context');
  }

  private createPost(req: RecordedRequest, res: ServerResponse, user: WpUser): void {
    const body = (req.json ?? {}) as {
      title?: string;
      content?: string;
      status?: string;
      slug?: string;
      featured_media?: number;
    };
    const status = body.status ?? 'draft';
    if (!STATUSES.includes(status)) {
      return sendJson(res, 400, {
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): status',
        data: { status: 400, params: { status: `status is not one of ${STATUSES.join(', ')}.` } },
      });
    }
    if (status === 'publish' && !user.canPublish)
      return wpError(res, 403, 'rest_cannot_publish', 'Sorry, you are not allowed to publish posts in this post type.');
    if (body.featured_media && !this.media.some((m) => m.id === body.featured_media))
      return wpError(res, 400, 'rest_invalid_featured_media', 'Invalid featured media ID.');
    const fault = this.postFaults.shift();
    if (fault?.kind === 'error') return wpError(res, fault.status, fault.code, fault.message);
    if (fault?.kind === 'rate-limited')
      return sendJson(
        res,
        429,
        { code: 'too_many_requests', message: 'Too Many Requests' },
        { 'retry-after': String(fault.retryAfterSeconds) },
      );
    const post: WpStoredPost = {
      id: this.nextId++,
      title: body.title ?? '',
      content: body.content ?? '',
      status,
      slug: this.uniqueSlug((body.slug ?? body.title ?? 'post').toLowerCase()),
      featuredMedia: body.featured_media ?? 0,
      author: user.id,
    };
    this.posts.push(post);
    if (fault?.kind === 'drop-after-create') return dropConnection(res);
    if (fault?.kind === 'hang-after-create') return hang();
    sendJson(res, 201, this.postJson(post));
  }

  private upload(req: RecordedRequest, res: ServerResponse): void {
    if (req.body.length === 0) return wpError(res, 400, 'rest_upload_no_data', 'No data supplied.');
    const filename = /filename="?([^";]+)"?/.exec(req.headers['content-disposition'] ?? '')?.[1];
    if (!filename) return wpError(res, 400, 'rest_upload_no_content_disposition', 'No Content-Disposition supplied.');
    const item = {
      id: this.nextId++,
      filename,
      mimeType: req.headers['content-type'] ?? '',
      bytes: req.body.length,
      altText: req.query.get('alt_text') ?? '',
      post: Number(req.query.get('post') ?? 0),
    };
    this.media.push(item);
    sendJson(res, 201, this.mediaJson(item));
  }

  /** POST /wp/v2/media/<id>: `post` attaches the item to a post (rest_invalid_param if there is none), `alt_text` sets it. */
  private updateMedia(req: RecordedRequest, res: ServerResponse): void {
    const item = this.media.find((m) => `/wp-json/wp/v2/media/${m.id}` === req.path);
    if (!item) return wpError(res, 404, 'rest_post_invalid_id', 'Invalid post ID.');
    const body = (req.json ?? {}) as { post?: number; alt_text?: string };
    if (body.post !== undefined && body.post !== 0 && !this.posts.some((p) => p.id === body.post))
      return wpError(res, 400, 'rest_invalid_param', 'Invalid parameter(s): post');
    if (body.post !== undefined) item.post = body.post;
    if (typeof body.alt_text === 'string') item.altText = body.alt_text;
    sendJson(res, 200, this.mediaJson(item));
  }

  private mediaJson(item: WordpressContract['media'][number]) {
    return {
      id: item.id,
      post: item.post,
      media_type: 'image',
      mime_type: item.mimeType,
      alt_text: item.altText,
      source_url: `${this.server.baseUrl}/wp-content/uploads/${item.filename}`,
    };
  }

  /** wp_unique_post_slug: a taken slug gets "-2", "-3", ... */
  private uniqueSlug(slug: string): string {
    let candidate = slug;
    for (let n = 2; this.posts.some((p) => p.slug === candidate); n++) candidate = `${slug}-${n}`;
    return candidate;
  }

  private postJson(post: WpStoredPost) {
    return {
      id: post.id,
      slug: post.slug,
      status: post.status,
      link: `${this.server.baseUrl}/${post.slug}/`,
      title: { raw: post.title, rendered: post.title },
      content: { raw: post.content, rendered: post.content },
      featured_media: post.featuredMedia,
      author: post.author,
    };
  }
}

function wpError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { code, message, data: { status } });
}
