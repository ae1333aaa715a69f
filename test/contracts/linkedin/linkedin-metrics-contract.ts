import type { ServerResponse } from 'node:http';
import { type RecordedRequest, sendJson } from '../contract-server';
import { type LinkedInContract, liError } from './linkedin-contract';

/**
 * GET /rest/socialActions/{urn} as LinkedIn documents it: the likes and comments summary of a post
 * (likesSummary.totalLikes, commentsSummary.aggregatedTotalComments and totalFirstLevelComments);
 * 403 ACCESS_DENIED without r_organization_social / r_member_social; 404 for a post that is gone;
 * the same versioning headers and 401 as every /rest call.
 */
export class LinkedInMetricsContract {
  /** Members whose token carries a permission to read social actions (besides tokens granted r_organization_social at sign-in). */
  readonly mayRead = new Set<string>();
  readonly summaries = new Map<string, { likes: number; comments: number; firstLevelComments?: number }>();
  readonly deleted = new Set<string>();

  constructor(private readonly linkedin: LinkedInContract) {
    linkedin.route(
      'GET',
      '/rest/socialActions/:urn',
      linkedin.faults.wrap((req, res) => this.socialActions(req, res)),
    );
  }

  private socialActions(req: RecordedRequest, res: ServerResponse): void {
    const member = this.linkedin.restMember(req, res);
    if (!member) return;
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!this.mayRead.has(member.sub) && !this.linkedin.consent.has(token, 'r_organization_social'))
      return liError(res, 403, 'ACCESS_DENIED', 'Not enough permissions to access: socialActions.GET.20251101', 100);
    const urn = decodeURIComponent(req.path.split('/')[3]);
    if (!this.linkedin.posts.some((post) => post.urn === urn) || this.deleted.has(urn))
      return liError(res, 404, 'RESOURCE_NOT_FOUND', 'Not Found', 100);
    const summary = this.summaries.get(urn) ?? { likes: 0, comments: 0 };
    sendJson(res, 200, {
      $URN: urn,
      target: urn,
      likesSummary: {
        selectedLikes: [],
        aggregatedTotalLikes: summary.likes,
        likedByCurrentUser: false,
        totalLikes: summary.likes,
      },
      commentsSummary: {
        selectedComments: [],
        totalFirstLevelComments: summary.firstLevelComments ?? summary.comments,
        commentsState: 'OPEN',
        aggregatedTotalComments: summary.comments,
      },
    });
  }
}
