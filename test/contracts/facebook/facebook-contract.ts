import { sendJson } from '../contract-server';
import {
  accessTokenOf,
  formField,
  GraphContractServer,
  INVALID_TOKEN,
  pathId,
  sendGraphError,
} from '../meta-graph/graph-contract';
import { ConsentDialog } from '../consent-dialog';

export interface FacebookPage {
  id: string;
  name: string;
  username: string;
  pageAccessToken: string;
  instagram?: { id: string; username: string };
}

export interface FacebookPost {
  id: string;
  pageId: string;
  message?: string;
  link?: string;
  attachedMedia: string[];
  kind: 'feed' | 'photo' | 'video';
}

/**
 * Facebook Graph API for Pages, as documented: POST /{page-id}/feed (message, link, attached_media),
 * POST /{page-id}/photos (url, caption, published), POST /{page-id}/videos (file_url, description),
 * GET /{page-id}?fields=..., GET /me/accounts, GET /oauth/access_token (code or fb_exchange_token).
 */
export class FacebookContract extends GraphContractServer {
  readonly app = {
    appId: 'fb-app-1',
    appSecret: 'fb-secret-1',
    redirectUri: 'https://gaung.example/oauth/callback/facebook',
  };
  readonly validCodes = new Set(['good-code']);
  readonly userTokens = new Map<string, string[]>();
  readonly pages = new Map<string, FacebookPage>();
  readonly posts: FacebookPost[] = [];
  readonly unpublishedPhotos = new Set<string>();
  /** Facebook Login's dialog: the scopes granted with each code follow its user and page tokens. */
  readonly consent = new ConsentDialog(',');

  constructor() {
    super();
    this.graphRoute('GET', '/oauth/access_token', (req, res) => {
      const q = req.query;
      if (q.get('client_id') !== this.app.appId || q.get('client_secret') !== this.app.appSecret) {
        return sendGraphError(res, {
          status: 400,
          code: 1,
          message: 'Error validating client secret.',
          type: 'OAuthException',
        });
      }
      if (q.get('grant_type') === 'fb_exchange_token') {
        const short = q.get('fb_exchange_token') ?? '';
        if (!this.userTokens.has(short)) return sendGraphError(res, INVALID_TOKEN);
        const long = `long-${short}`;
        this.userTokens.set(long, this.userTokens.get(short)!);
        this.consent.grant(long, this.consent.scopesOf(short));
        return sendJson(res, 200, { access_token: long, token_type: 'bearer', expires_in: 5_183_944 });
      }
      const code = q.get('code') ?? '';
      if (!this.validCodes.has(code) || q.get('redirect_uri') !== this.app.redirectUri) {
        return sendGraphError(res, {
          status: 400,
          code: 100,
          message: 'Invalid verification code format.',
          type: 'OAuthException',
        });
      }
      this.validCodes.delete(code);
      const short = `short-${code}`;
      this.userTokens.set(short, [...this.pages.keys()]);
      this.consent.grant(short, this.consent.scopesOfCode(code));
      return sendJson(res, 200, { access_token: short, token_type: 'bearer', expires_in: 3600 });
    });
    this.graphRoute('GET', '/me/accounts', (req, res) => {
      const userToken = accessTokenOf(req) ?? '';
      const pageIds = this.userTokens.get(userToken);
      if (!pageIds) return sendGraphError(res, INVALID_TOKEN);
      // A page token derived from a user token has the permissions that user granted.
      for (const id of pageIds)
        this.consent.grant(this.pages.get(id)!.pageAccessToken, this.consent.scopesOf(userToken));
      const data = pageIds
        .map((id) => this.pages.get(id)!)
        .map((p) => ({
          id: p.id,
          name: p.name,
          username: p.username,
          access_token: p.pageAccessToken,
          ...(p.instagram ? { instagram_business_account: p.instagram } : {}),
        }));
      sendJson(res, 200, { data, paging: { cursors: { before: 'a', after: 'b' } } });
    });
    this.graphRoute('POST', '/:page/feed', (req, res) => {
      const page = this.authorisedPage(pathId(req), accessTokenOf(req));
      if (!page) return sendGraphError(res, INVALID_TOKEN);
      const attachedMedia = Object.entries((req.json as Record<string, string>) ?? {})
        .filter(([key]) => key.startsWith('attached_media['))
        .map(([, value]) => (JSON.parse(value) as { media_fbid: string }).media_fbid);
      const message = formField(req, 'message');
      if (!message && attachedMedia.length === 0 && !formField(req, 'link')) {
        return sendGraphError(res, {
          status: 400,
          code: 100,
          message: '(#100) The parameter message or link is required',
        });
      }
      if (attachedMedia.some((id) => !this.unpublishedPhotos.has(id))) {
        return sendGraphError(res, {
          status: 400,
          code: 100,
          message: '(#100) attached_media must be unpublished photos of this page',
        });
      }
      const id = `${page.id}_${this.newId()}`;
      this.posts.push({ id, pageId: page.id, message, link: formField(req, 'link'), attachedMedia, kind: 'feed' });
      sendJson(res, 200, { id });
    });
    this.graphRoute('POST', '/:page/photos', (req, res) => {
      const page = this.authorisedPage(pathId(req), accessTokenOf(req));
      if (!page) return sendGraphError(res, INVALID_TOKEN);
      if (!formField(req, 'url'))
        return sendGraphError(res, { status: 400, code: 324, message: '(#324) Requires upload file' });
      const photoId = this.newId();
      if (formField(req, 'published') === 'false') {
        this.unpublishedPhotos.add(photoId);
        return sendJson(res, 200, { id: photoId });
      }
      const postId = `${page.id}_${this.newId()}`;
      this.posts.push({
        id: postId,
        pageId: page.id,
        message: formField(req, 'caption'),
        attachedMedia: [photoId],
        kind: 'photo',
      });
      sendJson(res, 200, { id: photoId, post_id: postId });
    });
    this.graphRoute('POST', '/:page/videos', (req, res) => {
      const page = this.authorisedPage(pathId(req), accessTokenOf(req));
      if (!page) return sendGraphError(res, INVALID_TOKEN);
      const id = this.newId();
      this.posts.push({
        id,
        pageId: page.id,
        message: formField(req, 'description'),
        attachedMedia: [formField(req, 'file_url') ?? ''],
        kind: 'video',
      });
      sendJson(res, 200, { id });
    });
    this.graphRoute('GET', '/:page', (req, res) => {
      if (this.answeredByCompanion(req, res)) return;
      const page = this.authorisedPage(pathId(req), accessTokenOf(req));
      if (!page) return sendGraphError(res, INVALID_TOKEN);
      sendJson(res, 200, { id: page.id, name: page.name, username: page.username });
    });
  }

  addPage(page: FacebookPage): this {
    this.pages.set(page.id, page);
    return this;
  }

  /** The admin approves Facebook Login's dialog at this URL: the code it answers carries the URL's scopes. */
  approve(authorizeUrl: string): string {
    const { code } = this.consent.approve(authorizeUrl, {
      clientId: this.app.appId,
      redirectUri: this.app.redirectUri,
    });
    this.validCodes.add(code);
    return code;
  }

  private authorisedPage(pageId: string, token: string | undefined): FacebookPage | undefined {
    const page = this.pages.get(pageId);
    return page && page.pageAccessToken === token ? page : undefined;
  }
}
