import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from '../contract-server';
import type { WordpressContract } from './wordpress-contract';

/**
 * As the WordPress REST API documents it: GET /wp/v2/posts/:id (404 {code: "rest_post_invalid_id"};
 * a trashed post has status "trash" with context=edit), and GET /wp/v2/comments?post=:id with the
 * X-WP-Total and X-WP-TotalPages headers counting approved comments; 401 rest_forbidden_context
 * for context=edit without credentials.
 */
export class WordpressMetricsContract {
  readonly comments = new Map<number, number>();

  constructor(private readonly site: WordpressContract) {
    site.server.route('GET', '/wp-json/wp/v2/posts/:id', (req, res) => this.post(req, res));
    site.server.route('GET', '/wp-json/wp/v2/comments', (req, res) => this.commentList(req, res));
  }

  private post(req: RecordedRequest, res: ServerResponse): void {
    if (req.query.get('context') === 'edit' && !this.signedIn(req)) {
      return sendJson(res, 401, {
        code: 'rest_forbidden_context',
        message: 'Sorry, you are not allowed to edit this post.',
        data: { status: 401 },
      });
    }
    const post = this.site.posts.find((p) => p.id === Number(req.path.split('/').pop()));
    if (!post)
      return sendJson(res, 404, { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } });
    sendJson(res, 200, { id: post.id, status: post.status });
  }

  private commentList(req: RecordedRequest, res: ServerResponse): void {
    const postId = Number(req.query.get('post'));
    const total = this.comments.get(postId) ?? 0;
    const perPage = Number(req.query.get('per_page') ?? 10);
    sendJson(
      res,
      200,
      Array.from({ length: Math.min(total, perPage) }, (_, i) => ({ id: i + 1 })),
      {
        'x-wp-total': String(total),
        'x-wp-totalpages': String(Math.max(1, Math.ceil(total / perPage))),
      },
    );
  }

  private signedIn(req: RecordedRequest): boolean {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return false;
    const [username, password] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return this.site.users.some((user) => user.username === username && user.appPassword === password);
  }
}
