import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of the web app at /app (a Vite build: scripts and styles from our own
 * origin; Mantine and FullCalendar set inline style attributes; images may be data: or blob: URLs
 * of uploads being previewed) and of every API answer.
 */
export const APP_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Pages that carry inline <style> elements get inline styles, never inline scripts: those of
 * libraries we serve but do not build (the OpenAPI UI at /docs, the queue dashboard at
 * /admin/queues) and the web app at /app, whose UI library (Mantine) injects its theme's CSS
 * variables as a <style> element at run time.
 */
const INLINE_STYLE_PAGES = /^\/(docs|admin\/queues|app)(\/|$)/;
export const INLINE_STYLE_CSP: Record<string, string[]> = { ...APP_CSP, 'style-src': ["'self'", "'unsafe-inline'"] };

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer (nosniff, frame-ancestors, CSP, Referrer-Policy, and HSTS when
 * the request came over https, directly or through a trusted proxy), and CORS only for the origins
 * configured in CORS_ORIGINS: none by default.
 */
export function applySecurityHeaders(app: INestApplication, corsOrigins: readonly string[]): void {
  const common = {
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' as const },
    xFrameOptions: { action: 'deny' as const },
    crossOriginEmbedderPolicy: false,
  };
  const appHeaders = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: APP_CSP } });
  const inlineStyleHeaders = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: INLINE_STYLE_CSP },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    (INLINE_STYLE_PAGES.test(req.path) ? inlineStyleHeaders : appHeaders)(req, res, next);
  });
  if (corsOrigins.length > 0) app.enableCors({ origin: [...corsOrigins], credentials: true, maxAge: 600 });
}
