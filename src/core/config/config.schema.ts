import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { parseAllowEntry } from '../egress/address-policy';
import { isIanaZone } from '../http/zod-types';

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.join(' or ')}//`,
  );

const ianaZone = z.string().refine(isIanaZone, 'must be an IANA time zone such as Asia/Jakarta');

/** "k2:BASE64,k1:BASE64": newest key first; every key is 32 bytes (AES-256). */
const credentialKeys = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const keys: Array<{ id: string; key: Buffer }> = [];
    for (const entry of value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [id, encoded] = entry.split(':');
      const key = Buffer.from(encoded ?? '', 'base64');
      if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || key.length !== 32) {
        ctx.addIssue({ code: 'custom', message: 'each entry must be keyId:base64-of-32-bytes' });
        return z.NEVER;
      }
      keys.push({ id, key });
    }
    if (keys.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'at least one key is required' });
      return z.NEVER;
    }
    if (new Set(keys.map((k) => k.id)).size !== keys.length) {
      ctx.addIssue({ code: 'custom', message: 'key ids must be unique' });
      return z.NEVER;
    }
    return keys;
  });

/** "10.0.0.0/8,::1,mastodon.lan": addresses, CIDRs or host names that outbound requests may reach although not public. */
const allowList = z
  .string()
  .max(4000)
  .transform((value, ctx) => {
    const entries = value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const bad = entries.filter((entry) => parseAllowEntry(entry) === null);
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `not an address, CIDR or host name: ${bad.join(', ')}` });
      return z.NEVER;
    }
    return entries;
  });

/** An optional secret or id (loadConfig already drops empty values). */
const optionalText = z.string().max(500).optional();

/**
 * Express's 'trust proxy': off (X-Forwarded-For ignored), a hop count, or the proxies' own addresses
 * (loopback, linklocal, uniquelocal, an IP or a CIDR range). "true" is refused: it would let any
 * client choose its own address, and with it escape every per-address limit.
 */
const trustProxy = z.string().transform((value, ctx): false | number | string[] => {
  const text = value.trim().toLowerCase();
  if (text === 'false' || text === 'off' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const bad = entries.find(
    (entry) => !PROXY_NAMES.includes(entry) && !ipaddr.isValid(entry) && !ipaddr.isValidCIDR(entry),
  );
  if (entries.length === 0 || bad !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `must be false, a hop count, or the proxy's addresses (loopback, 10.0.0.2, 10.0.0.0/8); not "${bad ?? value}"`,
    });
    return z.NEVER;
  }
  return entries;
});
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** "true" or "false" (also 1/0, yes/no, on/off); anything else is refused rather than read as false. */
const flag = z.string().transform((value, ctx) => {
  const text = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  ctx.addIssue({ code: 'custom', message: `must be true or false, not "${value}"` });
  return z.NEVER;
});

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** "https://a.example,https://b.example": exact origins (scheme, host, port), no paths or wildcards. */
const origins = z.string().transform((value, ctx) => {
  const list = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const entry of list) {
    let origin: string | undefined;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = undefined;
    }
    if (origin !== entry) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry}" is not an origin such as https://app.example.org (no path, no trailing slash)`,
      });
      return z.NEVER;
    }
  }
  return list;
});

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: int(1, 65535).default(3000),
    PUBLIC_BASE_URL: url(['http:', 'https:']).default('http://localhost:3000'),
    TRUST_PROXY: trustProxy.default(false),
    DATABASE_URL: url(['postgresql:', 'postgres:']),
    DATABASE_POOL_SIZE: int(1, 200).default(10),
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .default('gaung'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    CREDENTIAL_KEYS: credentialKeys,
    DEFAULT_TIME_ZONE: ianaZone.default('Asia/Jakarta'),
    SESSION_TTL_HOURS: int(1, 24 * 90).default(24 * 14),
    /** Sign-in attempts one address may make per minute (then 429 with Retry-After). */
    LOGIN_ATTEMPTS_PER_MINUTE: int(1, 10_000).default(30),
    LOGIN_MAX_FAILURES: int(1, 100).default(5),
    LOGIN_LOCKOUT_MINUTES: int(1, 24 * 60).default(15),
    /** Registrations, invitation acceptances and reset confirmations per client address per 10 minutes. */
    ANONYMOUS_LIMIT: int(1, 10_000).default(20),
    /** Who may create an account: only someone holding an invitation (default), or anyone. */
    REGISTRATION: z.enum(['invitation', 'open']).default('invitation'),
    SMTP_URL: url(['smtp:', 'smtps:']).optional(),
    MAIL_FROM: z.string().default('Gaung <no-reply@localhost>'),
    /** Without SMTP_URL, mail is written here as files only the operator can read (never served over HTTP). */
    MAIL_OUTBOX_DIR: z.string().min(1).default('data/outbox'),
    WORKER_CONCURRENCY: int(1, 500).default(20),
    PUBLISH_TIMEOUT_MS: int(100, 300_000).default(30_000),
    /** 0 turns the periodic sweeper off in this process (a worker that should not sweep, or tests). */
    SWEEP_INTERVAL_MS: int(0, 3_600_000)
      .refine((ms) => ms === 0 || ms >= 1_000, 'must be 0 (off) or at least 1000')
      .default(15_000),
    /** How long a claim outlives a silent worker; renewed every third of it while the publish runs. */
    PUBLISH_LEASE_MS: int(3_000, 3_600_000).default(20_000),
    MAX_PUBLISH_ATTEMPTS: int(1, 50).default(8),
    /** How often the worker looks for published deliveries due a metrics snapshot; 0 turns it off here. */
    METRICS_PLAN_INTERVAL_MS: int(0, 3_600_000)
      .refine((ms) => ms === 0 || ms >= 1_000, 'must be 0 (off) or at least 1000')
      .default(300_000),
    /** A delivery published later than this after its time is marked late, counted and notified. */
    LATE_AFTER_SECONDS: int(1, 86_400).default(60),
    /** Operators' secret for /metrics (Bearer) and the queue dashboard /admin/queues (Basic, user "operator"); both are off without it. */
    OPERATOR_TOKEN: z.string().min(24).optional(),
    /** Largest JSON request body in KiB (refused with 413 before it is read); media uploads have their own limits. */
    JSON_BODY_LIMIT_KB: int(1, 64 * 1024).default(1024),
    /** Browser origins allowed to call the API cross-origin (CORS); none by default. */
    CORS_ORIGINS: origins.default([]),
    /** Local media storage (one host, or one volume shared by the API and the worker); unused with MEDIA_S3_ENDPOINT. */
    MEDIA_DIR: z.string().min(1).default('data/media'),
    /** S3-compatible object storage for media (several processes or machines): http(s)://host[:port]. */
    MEDIA_S3_ENDPOINT: url(['http:', 'https:']).optional(),
    MEDIA_S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')
      .optional(),
    MEDIA_S3_ACCESS_KEY: optionalText,
    MEDIA_S3_SECRET_KEY: optionalText,
    MEDIA_S3_REGION: z.string().min(1).max(50).default('us-east-1'),
    MEDIA_MAX_IMAGE_MB: int(1, 50).default(8),
    MEDIA_MAX_VIDEO_MB: int(1, 1024).default(200),
    /** The built web app (web/dist, from `npm run build --prefix web`), served at /app. */
    WEB_DIST_DIR: z.string().min(1).default('web/dist'),
    /** How long the media library's preview URLs (thumbnails in the composer) stay valid, at least. */
    MEDIA_PREVIEW_TTL_SECONDS: int(60, 86_400).default(900),
    GRAPH_API_URL: url(['http:', 'https:']).default('https://graph.facebook.com/v23.0'),
    THREADS_API_URL: url(['http:', 'https:']).default('https://graph.threads.net/v1.0'),
    X_API_URL: url(['http:', 'https:']).default('https://api.x.com'),
    LINKEDIN_API_URL: url(['http:', 'https:']).default('https://api.linkedin.com'),
    TELEGRAM_API_URL: url(['http:', 'https:']).default('https://api.telegram.org'),
    /**
     * How the workspaces' notification bots receive updates (docs/notifications.md, "Telegram"): a
     * webhook on PUBLIC_BASE_URL (Telegram must reach it), or long polling (getUpdates) by the worker.
     */
    TELEGRAM_UPDATES: z.enum(['webhook', 'polling']).default('webhook'),
    /** Long polling only: how often the worker asks each bot for new updates. */
    TELEGRAM_POLL_INTERVAL_MS: int(500, 600_000).default(3_000),
    BLUESKY_SERVICE_URL: url(['http:', 'https:']).default('https://bsky.social'),
    /** Empty (the default): outbound requests reach public addresses only. */
    EGRESS_ALLOW: allowList.default([]),
    // OAuth apps per platform (optional: a platform without its app answers 'platform not configured').
    FACEBOOK_APP_ID: optionalText,
    FACEBOOK_APP_SECRET: optionalText,
    THREADS_APP_ID: optionalText,
    THREADS_APP_SECRET: optionalText,
    X_CLIENT_ID: optionalText,
    X_CLIENT_SECRET: optionalText,
    LINKEDIN_CLIENT_ID: optionalText,
    LINKEDIN_CLIENT_SECRET: optionalText,
    /**
     * Ask for the insights permissions at sign-in (Facebook read_insights, Instagram
     * instagram_manage_insights, Threads threads_manage_insights, LinkedIn r_organization_social).
     * Off by default: each needs the platform's app review first (docs/analytics.md).
     */
    ANALYTICS_INSIGHT_SCOPES: flag.default(false),
  })
  .superRefine((config, ctx) => {
    // Object storage is all or nothing: a half-configured bucket would fail at the first upload.
    const s3 = ['MEDIA_S3_ENDPOINT', 'MEDIA_S3_BUCKET', 'MEDIA_S3_ACCESS_KEY', 'MEDIA_S3_SECRET_KEY'] as const;
    const given = s3.filter((key) => config[key] !== undefined);
    if (given.length > 0 && given.length < s3.length) {
      for (const key of s3.filter((k) => config[k] === undefined))
        ctx.addIssue({ code: 'custom', path: [key], message: `is required with ${given.join(', ')}` });
    }
  });

export type AppConfig = z.infer<typeof configSchema>;
