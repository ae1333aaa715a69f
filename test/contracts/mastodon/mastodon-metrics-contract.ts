import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from '../contract-server';
import type { MastodonContract } from './mastodon-contract';

export interface MastodonCounts {
  favourites_count: number;
  reblogs_count: number;
  replies_count: number;
  quotes_count?: number;
}

/**
 * GET /api/v1/statuses/:id as docs.joinmastodon.org documents it: the Status entity with its counts,
 * 404 {"error":"Record not found"} once deleted, 401 without a valid token here (a private
 * instance), and 429 with X-RateLimit-Reset (ISO 8601) when the test asks for it.
 */
export class MastodonMetricsContract {
  readonly counts = new Map<string, MastodonCounts>();
  readonly deleted = new Set<string>();
  private readonly faults: Array<{ status: number; resetInSeconds?: number }> = [];

  constructor(private readonly instance: MastodonContract) {
    instance.server.route('GET', '/api/v1/statuses/:id', (req, res) => this.status(req, res));
  }

  failNext(status: number, resetInSeconds?: number): void {
    this.faults.push({ status, resetInSeconds });
  }

  private status(req: RecordedRequest, res: ServerResponse): void {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.instance.tokens.has(token)) return sendJson(res, 401, { error: 'The access token is invalid' });
    const fault = this.faults.shift();
    const reset = (seconds: number) => ({
      'x-ratelimit-limit': '300',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': new Date(Date.now() + seconds * 1000).toISOString(),
    });
    if (fault?.status === 429)
      return sendJson(res, 429, { error: 'Too many requests' }, reset(fault.resetInSeconds ?? 60));
    if (fault) return sendJson(res, fault.status, { error: 'Service Unavailable' });
    const id = req.path.split('/').pop()!;
    const status = this.instance.statuses.find((s) => s.id === id);
    if (!status || this.deleted.has(id)) return sendJson(res, 404, { error: 'Record not found' });
    const counts = this.counts.get(id) ?? { favourites_count: 0, reblogs_count: 0, replies_count: 0 };
    sendJson(
      res,
      200,
      {
        id,
        uri: status.uri,
        url: status.url,
        visibility: status.visibility,
        content: `<p>${status.content}</p>`,
        ...counts,
      },
      {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '299',
        'x-ratelimit-reset': new Date(Date.now() + 300_000).toISOString(),
      },
    );
  }
}
