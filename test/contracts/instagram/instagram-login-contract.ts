import type { ServerResponse } from 'node:http';
import { ContractServer, type RecordedRequest } from '../contract-server';
import { FacebookContract, type FacebookPage } from '../facebook/facebook-contract';
import { InstagramContract } from './instagram-contract';

/** The Facebook Login half of the Graph API: the token exchange and the pages the user granted. */
const FACEBOOK_LOGIN_PATH = /^\/v[\d.]+\/(oauth\/access_token|me\/accounts)$/;
/** Hop-by-hop or body-framing headers that the forwarded answer sets again itself. */
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

/**
 * Instagram connection through Facebook Login, behind one GRAPH_API_URL as in production: the
 * existing Facebook contract answers the code exchange and /me/accounts (pages with their
 * instagram_business_account), the existing Instagram contract answers the IG user look-up. This
 * front server forwards each Graph call to the one that owns it, so neither contract is duplicated.
 */
export class InstagramLoginContract extends ContractServer {
  readonly facebook = new FacebookContract();
  readonly instagram = new InstagramContract();

  constructor(publicBaseUrl: string) {
    super();
    this.facebook.app.redirectUri = `${publicBaseUrl}/oauth/callback/instagram`;
    for (const method of ['GET', 'POST', 'DELETE']) this.route(method, /^\//, (req, res) => this.forward(req, res));
  }

  get apiUrl(): string {
    return `${this.baseUrl}${this.facebook.version}`;
  }

  get app() {
    return this.facebook.app;
  }

  override async start(): Promise<this> {
    await Promise.all([this.facebook.start(), this.instagram.start()]);
    return super.start();
  }

  override async stop(): Promise<void> {
    await Promise.all([super.stop(), this.facebook.stop(), this.instagram.stop()]);
  }

  /** A Facebook Page, with the Instagram professional account linked to it when given; the page token reaches both. */
  addPage(page: FacebookPage, instagramName?: string): this {
    this.facebook.addPage(page);
    if (page.instagram)
      this.instagram.addUser(page.instagram.id, {
        token: page.pageAccessToken,
        username: page.instagram.username,
        name: instagramName ?? page.instagram.username,
      });
    return this;
  }

  private async forward(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const target = FACEBOOK_LOGIN_PATH.test(req.path) ? this.facebook : this.instagram;
    const query = req.query.toString();
    const answer = await fetch(`${target.baseUrl}${req.path}${query ? `?${query}` : ''}`, {
      method: req.method,
      headers: req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {},
      body: req.body.length > 0 ? new Uint8Array(req.body) : undefined,
    });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!NOT_FORWARDED.has(name)) headers[name] = value;
    });
    res.writeHead(answer.status, headers);
    res.end(Buffer.from(await answer.arrayBuffer()));
  }
}
