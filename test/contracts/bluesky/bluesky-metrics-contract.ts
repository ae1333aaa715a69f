import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from '../contract-server';
import type { BlueskyContract } from './bluesky-contract';

export interface BlueskyCounts {
  likeCount: number;
  repostCount: number;
  replyCount: number;
  quoteCount: number;
}

/**
 * app.bsky.feed.getPosts as docs.bsky.app documents it: up to 25 `uris`, answering {posts: PostView[]}
 * with the posts that exist (a deleted one is left out), 400 InvalidRequest for a bad or missing uri,
 * 401 without a session, and 429 with RateLimit-* headers (reset in Unix seconds) when asked.
 */
export class BlueskyMetricsContract {
  readonly counts = new Map<string, BlueskyCounts>();
  readonly deleted = new Set<string>();
  private readonly faults: number[] = [];

  constructor(private readonly pds: BlueskyContract) {
    pds.server.route('GET', '/xrpc/app.bsky.feed.getPosts', (req, res) => this.getPosts(req, res));
  }

  failNext(status: number): void {
    this.faults.push(status);
  }

  private getPosts(req: RecordedRequest, res: ServerResponse): void {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.pds['accessTokens'].has(token))
      return sendJson(res, 401, { error: 'AuthenticationRequired', message: 'Authentication Required' });
    const fault = this.faults.shift();
    if (fault === 429) {
      const reset = String(Math.floor(Date.now() / 1000) + 30);
      return sendJson(
        res,
        429,
        { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
        {
          'ratelimit-limit': '3000',
          'ratelimit-remaining': '0',
          'ratelimit-reset': reset,
          'ratelimit-policy': '3000;w=300',
        },
      );
    }
    if (fault) return sendJson(res, fault, { error: 'InternalServerError', message: 'Internal Server Error' });
    const uris = req.query.getAll('uris');
    if (uris.length === 0 || uris.length > 25 || uris.some((uri) => !uri.startsWith('at://'))) {
      return sendJson(res, 400, { error: 'InvalidRequest', message: 'Error: uris must be 1 to 25 at-uris' });
    }
    const posts = uris
      .map((uri) => this.pds.posts.find((post) => post.uri === uri))
      .filter((post) => post !== undefined && !this.deleted.has(post.uri))
      .map((post) => ({
        uri: post!.uri,
        cid: post!.cid,
        author: { did: post!.did },
        record: post!.record,
        indexedAt: post!.record.createdAt,
        ...(this.counts.get(post!.uri) ?? { likeCount: 0, repostCount: 0, replyCount: 0, quoteCount: 0 }),
      }));
    sendJson(res, 200, { posts });
  }
}
