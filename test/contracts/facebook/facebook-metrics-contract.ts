import type { ServerResponse } from 'node:http';
import { type RecordedRequest, sendJson } from '../contract-server';
import { accessTokenOf, INVALID_TOKEN, pathId, sendGraphError } from '../meta-graph/graph-contract';
import type { FacebookContract } from './facebook-contract';

/** Page post metrics Meta deprecated for all versions (June and November 2025): an invalid-metric error. */
const DEPRECATED = [
  'post_impressions',
  'post_impressions_unique',
  'post_impressions_organic_unique',
  'post_impressions_paid_unique',
  'post_engaged_users',
];
const VALID = ['post_total_media_view_unique', 'post_media_view', 'post_reactions_by_type_total', 'post_clicks'];

/**
 * Page post counts as the Graph API documents them: GET /{post-id}?fields=reactions.summary(total_count)
 * .limit(0),comments.summary(total_count).limit(0),shares, where `shares` is left out until someone
 * shares (pages_read_engagement, else (#10)); GET /{post-id}/insights?metric=… with data: [{ name,
 * period: "lifetime", values: [{ value }] }], (#10) without read_insights, an empty set for a page
 * too small for insights, (#100) for an invalid or deprecated metric; a deleted post is 100/33.
 */
export class FacebookMetricsContract {
  readonly counts = new Map<string, { reactions: number; comments: number; shares: number }>();
  readonly reach = new Map<string, number>();
  readonly deleted = new Set<string>();
  /** Pages whose token may read insights (read_insights / the ANALYZE task), besides tokens granted read_insights at sign-in. */
  readonly insightPages = new Set<string>();
  /** Pages whose token lost pages_read_engagement. */
  readonly noEngagement = new Set<string>();

  constructor(private readonly facebook: FacebookContract) {
    facebook.graphRoute('GET', '/:post/insights', (req, res) => this.insights(req, res));
    facebook.readObjectsToo((req, res) => this.post(req, res));
  }

  private post(req: RecordedRequest, res: ServerResponse): boolean {
    const id = pathId(req);
    if (this.facebook.pages.has(id)) return false;
    const page = this.pageOf(req, res);
    if (!page) return true;
    if (this.noEngagement.has(page)) {
      sendGraphError(res, {
        status: 403,
        code: 10,
        message:
          "(#10) This endpoint requires the 'pages_read_engagement' permission or the 'Page Public Content Access' feature.",
      });
      return true;
    }
    const fields = req.query.get('fields') ?? '';
    const counts = this.counts.get(id) ?? { reactions: 0, comments: 0, shares: 0 };
    sendJson(res, 200, {
      id,
      ...(fields.includes('reactions.summary')
        ? { reactions: { data: [], summary: { total_count: counts.reactions, viewer_reaction: 'NONE' } } }
        : {}),
      ...(fields.includes('comments.summary')
        ? { comments: { data: [], summary: { order: 'ranked', total_count: counts.comments, can_comment: true } } }
        : {}),
      ...(fields.split(',').includes('shares') && counts.shares > 0 ? { shares: { count: counts.shares } } : {}),
    });
    return true;
  }

  private insights(req: RecordedRequest, res: ServerResponse): void {
    const page = this.pageOf(req, res);
    if (!page) return;
    const metrics = (req.query.get('metric') ?? '').split(',').filter(Boolean);
    if (metrics.length === 0 || metrics.some((m) => DEPRECATED.includes(m) || !VALID.includes(m))) {
      return sendGraphError(res, {
        status: 400,
        code: 100,
        message: '(#100) The value must be a valid insights metric',
      });
    }
    const granted = this.insightPages.has(page) || this.facebook.consent.has(accessTokenOf(req) ?? '', 'read_insights');
    if (!granted)
      return sendGraphError(res, {
        status: 403,
        code: 10,
        message: '(#10) Requires read_insights permission or the ANALYZE task on the Page',
      });
    const id = pathId(req);
    const data = metrics
      .filter((name) => name === 'post_total_media_view_unique' && this.reach.has(id))
      .map((name) => ({
        name,
        period: 'lifetime',
        values: [{ value: this.reach.get(id) }],
        title: 'Lifetime post unique media views',
        description: 'Lifetime: the number of people who saw the post',
        id: `${id}/insights/${name}/lifetime`,
      }));
    sendJson(res, 200, { data, paging: { previous: 'p', next: 'n' } });
  }

  /** The page owning the post, when the token is that page's; else the error is answered. */
  private pageOf(req: RecordedRequest, res: ServerResponse): string | undefined {
    const id = pathId(req);
    const post = this.facebook.posts.find((p) => p.id === id);
    const token = accessTokenOf(req);
    if (![...this.facebook.pages.values()].some((p) => p.pageAccessToken === token)) {
      sendGraphError(res, INVALID_TOKEN);
      return undefined;
    }
    if (!post || this.deleted.has(id) || this.facebook.pages.get(post.pageId)?.pageAccessToken !== token) {
      sendGraphError(res, {
        status: 400,
        code: 100,
        subcode: 33,
        message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      });
      return undefined;
    }
    return post.pageId;
  }
}
