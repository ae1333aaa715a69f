import { ContainerContract } from '../meta-graph/container-contract';

const MAX_CAPTION = 2_200;

/**
 * Instagram Graph API content publishing, as documented: POST /{ig-user-id}/media (image_url |
 * media_type=REELS + video_url | is_carousel_item | media_type=CAROUSEL + children, caption),
 * GET /{container-id}?fields=status_code (IN_PROGRESS, FINISHED, ERROR, EXPIRED, PUBLISHED),
 * POST /{ig-user-id}/media_publish (creation_id), GET /{ig-user-id}/content_publishing_limit.
 */
export class InstagramContract extends ContainerContract {
  constructor() {
    super({
      version: '/v23.0',
      createPath: '/media',
      publishPath: '/media_publish',
      limitPath: '/content_publishing_limit',
      statusField: 'status_code',
      reasonField: 'status',
      textField: 'caption',
      quotaTotal: 50,
      permalinkBase: 'https://www.instagram.com/p/',
      validate: (params) => {
        if (params.media_type === 'CAROUSEL') {
          const children = (params.children ?? '').split(',').filter(Boolean);
          if (children.length < 2 || children.length > 10)
            return { status: 400, code: 100, message: '(#100) The carousel must have between 2 and 10 children.' };
        } else if (params.media_type === 'REELS' || params.media_type === 'VIDEO') {
          if (!params.video_url)
            return { status: 400, code: 100, message: '(#100) The parameter video_url is required' };
        } else if (!params.image_url) {
          return { status: 400, code: 100, message: '(#100) The parameter image_url is required.' };
        }
        if ((params.caption ?? '').length > MAX_CAPTION)
          return { status: 400, code: 100, subcode: 2207010, message: 'The caption is too long.' };
        return null;
      },
    });
  }
}
