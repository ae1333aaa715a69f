import { sendJson } from '../contract-server';
import { ContainerContract } from '../meta-graph/container-contract';
import { INVALID_TOKEN, sendGraphError } from '../meta-graph/graph-contract';
import { ConsentDialog } from '../consent-dialog';

const MAX_TEXT = 500;

/**
 * Threads API, as documented: POST /{user-id}/threads (media_type TEXT | IMAGE | VIDEO | CAROUSEL,
 * text, image_url, video_url, is_carousel_item, children), GET /{container-id}?fields=status,error_message,
 * POST /{user-id}/threads_publish (creation_id), GET /{user-id}/threads_publishing_limit, GET /me;
 * OAuth at the host root: POST /oauth/access_token, GET /access_token (th_exchange_token),
 * GET /refresh_access_token (th_refresh_token).
 */
export class ThreadsContract extends ContainerContract {
  readonly app = {
    appId: 'th-app',
    appSecret: 'th-secret',
    redirectUri: 'https://gaung.example/oauth/callback/threads',
  };
  readonly validCodes = new Map<string, string>();
  readonly shortTokens = new Map<string, string>();
  /** Threads' own authorization window: the scopes granted with each code follow its tokens. */
  readonly consent = new ConsentDialog(',');

  constructor() {
    super({
      version: '/v1.0',
      createPath: '/threads',
      publishPath: '/threads_publish',
      limitPath: '/threads_publishing_limit',
      statusField: 'status',
      reasonField: 'error_message',
      textField: 'text',
      quotaTotal: 250,
      permalinkBase: 'https://www.threads.net/@kspi/post/',
      validate: (params) => {
        const type = params.media_type;
        if (!['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL'].includes(type))
          return { status: 400, code: 100, message: 'Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}' };
        if (type === 'TEXT' && !params.text)
          return { status: 400, code: 100, message: 'Param text is required for TEXT posts' };
        if (type === 'IMAGE' && !params.image_url)
          return { status: 400, code: 100, message: 'Param image_url is required' };
        if (type === 'VIDEO' && !params.video_url)
          return { status: 400, code: 100, message: 'Param video_url is required' };
        if ([...new Intl.Segmenter().segment(params.text ?? '')].length > MAX_TEXT)
          return { status: 400, code: 100, subcode: 4279009, message: 'Text is too long' };
        return null;
      },
    });
    this.route('POST', '/oauth/access_token', (req, res) => {
      const form = (req.json as Record<string, string>) ?? {};
      const userId = this.validCodes.get(form.code ?? '');
      if (
        form.client_id !== this.app.appId ||
        form.client_secret !== this.app.appSecret ||
        form.grant_type !== 'authorization_code' ||
        form.redirect_uri !== this.app.redirectUri ||
        !userId
      ) {
        return sendGraphError(res, {
          status: 400,
          code: 100,
          message: 'Invalid verification code',
          type: 'OAuthException',
        });
      }
      this.validCodes.delete(form.code);
      const short = `short-${userId}`;
      this.shortTokens.set(short, userId);
      this.consent.grant(short, this.consent.scopesOfCode(form.code));
      sendJson(res, 200, { access_token: short, user_id: Number(userId) });
    });
    this.route('GET', '/access_token', (req, res) => {
      const userId = this.shortTokens.get(req.query.get('access_token') ?? '');
      if (
        req.query.get('grant_type') !== 'th_exchange_token' ||
        req.query.get('client_secret') !== this.app.appSecret ||
        !userId
      )
        return sendGraphError(res, INVALID_TOKEN);
      const long = this.users.get(userId)!.token;
      this.consent.grant(long, this.consent.scopesOf(req.query.get('access_token') ?? ''));
      sendJson(res, 200, { access_token: long, token_type: 'bearer', expires_in: 5_184_000 });
    });
    this.route('GET', '/refresh_access_token', (req, res) => {
      const entry = [...this.users.entries()].find(([, u]) => u.token === req.query.get('access_token'));
      if (req.query.get('grant_type') !== 'th_refresh_token' || !entry) return sendGraphError(res, INVALID_TOKEN);
      entry[1].token = `${entry[1].token}-refreshed`;
      sendJson(res, 200, { access_token: entry[1].token, token_type: 'bearer', expires_in: 5_184_000 });
    });
  }

  /** The user approves the authorization window at this URL: the code it answers carries the URL's scopes. */
  approve(authorizeUrl: string, userId: string): string {
    const { code } = this.consent.approve(authorizeUrl, {
      clientId: this.app.appId,
      redirectUri: this.app.redirectUri,
    });
    this.validCodes.set(code, userId);
    return code;
  }
}
