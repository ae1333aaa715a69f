import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { AppError } from '../core/errors';
import { CSRF_COOKIE, CSRF_HEADER, SECURE_COOKIE_PREFIX, SESSION_COOKIE } from '../core/http';
import { AUTH_TEXT } from './auth.messages';

/** Methods that change nothing: a cookie-authenticated request with any other method needs the CSRF header. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The browser's session: the session token in an httpOnly cookie, and a CSRF token in a cookie the
 * page can read and must echo in X-CSRF-Token (double submit). The CSRF token is derived from the
 * session token by a one-way hash, so it is bound to that session: a cookie planted by a sibling
 * host cannot be paired with the victim's session, and knowing it reveals nothing of the session.
 * Under https both cookies are Secure and named __Host- (no Domain, Path=/), so no other host can
 * set or shadow them. See docs/security.md, "Browser sessions and CSRF".
 */
@Injectable()
export class BrowserSession {
  readonly sessionCookie: string;
  readonly csrfCookie: string;
  private readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure = new URL(config.PUBLIC_BASE_URL).protocol === 'https:';
    const prefix = this.secure ? SECURE_COOKIE_PREFIX : '';
    this.sessionCookie = `${prefix}${SESSION_COOKIE}`;
    this.csrfCookie = `${prefix}${CSRF_COOKIE}`;
  }

  /** Sets both cookies for a new session; they expire with it. */
  issue(res: Response, sessionToken: string, expiresAt: Date): void {
    res.cookie(this.sessionCookie, sessionToken, { ...this.options(), httpOnly: true, expires: expiresAt });
    res.cookie(this.csrfCookie, csrfTokenFor(sessionToken), { ...this.options(), httpOnly: false, expires: expiresAt });
  }

  clear(res: Response): void {
    res.clearCookie(this.sessionCookie, { ...this.options(), httpOnly: true });
    res.clearCookie(this.csrfCookie, { ...this.options(), httpOnly: false });
  }

  /** The session token the browser sent, if any. */
  sessionToken(req: Request): string | undefined {
    const value: unknown = (req.cookies as Record<string, unknown> | undefined)?.[this.sessionCookie];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  }

  /**
   * For a state-changing request authenticated by the cookie: the X-CSRF-Token header must equal
   * the csrf cookie and belong to this session, and the browser must not call it cross-site. 403 otherwise.
   */
  assertCsrf(req: Request, sessionToken: string): void {
    if (SAFE_METHODS.has(req.method)) return;
    const header = req.header(CSRF_HEADER);
    const cookie: unknown = (req.cookies as Record<string, unknown> | undefined)?.[this.csrfCookie];
    const expected = csrfTokenFor(sessionToken);
    const crossSite = req.header('sec-fetch-site') === 'cross-site';
    if (crossSite || !header || cookie !== header || !sameText(header, expected)) {
      throw AppError.forbidden('CSRF_TOKEN_INVALID', AUTH_TEXT.csrfInvalid);
    }
  }

  private options(): CookieOptions {
    return { path: '/', sameSite: 'lax', secure: this.secure };
  }
}

function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`gaung-csrf:${sessionToken}`, 'utf8').digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
