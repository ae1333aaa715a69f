import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from '../contract-server';
import type { XContract } from './x-contract';

export interface XPublicMetrics {
  retweet_count: number;
  reply_count: number;
  like_count: number;
  quote_count: number;
  bookmark_count: number;
  impression_count: number;
}

const NOT_FOUND = 'https://api.twitter.com/2/problems/resource-not-found';

/**
 * GET /2/tweets?ids=…&tweet.fields=public_metrics as the X API v2 documents it: up to 100 ids; found
 * posts under `data`, missing ones as partial errors {value, detail, title "Not Found Error", type
 * resource-not-found} in a 200; 401 without a valid token; x-rate-limit-* headers on every answer
 * and 429 once the 15-minute window is spent.
 */
export class XMetricsContract {
  readonly metrics = new Map<string, XPublicMetrics>();
  readonly deleted = new Set<string>();
  window = { limit: 15, remaining: 15, reset: Math.floor(Date.now() / 1000) + 900 };

  constructor(private readonly x: XContract) {
    x.route('GET', '/2/tweets', (req, res) => this.lookup(req, res));
  }

  private lookup(req: RecordedRequest, res: ServerResponse): void {
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const headers = () => ({
      'x-rate-limit-limit': String(this.window.limit),
      'x-rate-limit-remaining': String(this.window.remaining),
      'x-rate-limit-reset': String(this.window.reset),
    });
    if (!this.x.accessTokens.has(token))
      return sendJson(
        res,
        401,
        { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
        headers(),
      );
    if (this.window.remaining <= 0)
      return sendJson(
        res,
        429,
        { title: 'Too Many Requests', type: 'about:blank', status: 429, detail: 'Too Many Requests' },
        headers(),
      );
    this.window.remaining -= 1;
    const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length === 0 || ids.length > 100) {
      return sendJson(
        res,
        400,
        {
          title: 'Invalid Request',
          type: 'https://api.twitter.com/2/problems/invalid-request',
          detail: 'One or more parameters to your request was invalid.',
        },
        headers(),
      );
    }
    const wantsMetrics = (req.query.get('tweet.fields') ?? '').split(',').includes('public_metrics');
    const found = ids.flatMap((id) => {
      const tweet = this.x.tweets.find((t) => t.id === id);
      if (!tweet || this.deleted.has(id)) return [];
      const metrics = this.metrics.get(id) ?? {
        retweet_count: 0,
        reply_count: 0,
        like_count: 0,
        quote_count: 0,
        bookmark_count: 0,
        impression_count: 0,
      };
      return [
        { id, text: tweet.text, edit_history_tweet_ids: [id], ...(wantsMetrics ? { public_metrics: metrics } : {}) },
      ];
    });
    const errors = ids
      .filter((id) => !found.some((tweet) => tweet.id === id))
      .map((id) => ({
        value: id,
        detail: `Could not find tweet with ids: [${id}].`,
        title: 'Not Found Error',
        resource_type: 'tweet',
        parameter: 'ids',
        resource_id: id,
        type: NOT_FOUND,
      }));
    sendJson(res, 200, { ...(found.length ? { data: found } : {}), ...(errors.length ? { errors } : {}) }, headers());
  }
}
