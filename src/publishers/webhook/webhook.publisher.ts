import { Injectable } from '@nestjs/common';
import { signBody } from '../../core/crypto/webhook-signature';
import { parseRetryAfter, PlatformHttp } from '../http/platform-http';
import { PublishError } from '../publish-error';
import { unexpectedReason } from '../platform-reason';
import type {
  AccountContext,
  PlatformLimits,
  PublishContent,
  Publisher,
  PublishRequest,
  PublishResult,
  ValidationIssue,
  VerifiedIdentity,
} from '../publisher';
import { countLength } from '../text-length';
import { MEDIA_CARRIED } from '../publisher-helpers';
import { WEBHOOK_CONNECT } from './webhook.connect';

// Media ride along as signed URLs with their alt texts; the limit is the post's own.
const LIMITS: PlatformLimits = {
  maxChars: 100_000,
  counting: 'utf16',
  maxMedia: MEDIA_CARRIED,
  media: null,
  requiresMedia: false,
  requiresText: false,
  requiresTitle: false,
  rateBudget: null,
};

/**
 * A built-in channel: POSTs the post as JSON to the account's baseUrl, signed like Gaung's
 * notification webhooks (X-Gaung-Signature over the body with credentials.secret) and carrying an
 * Idempotency-Key. A retry after an ambiguous outcome is safe only for a receiver that deduplicates
 * on it, which its admin says at connect time (ambiguousRetryOf in ../publisher.ts). Contract: 2xx accepted (optional JSON { id, url }); 401/403 bad secret (AUTH);
 * 429 with Retry-After and 503 not accepted (retry); 500/502/504 unknown (AMBIGUOUS); other 4xx refused.
 */
@Injectable()
export class WebhookPublisher implements Publisher {
  /** How an admin connects an account (read by src/accounts through PUBLISHER_CLASSES). */
  static readonly connect = WEBHOOK_CONNECT;
  readonly platform = 'WEBHOOK' as const;
  readonly limits = LIMITS;
  readonly ambiguousRetry = 'idempotency-key' as const;

  constructor(private readonly http: PlatformHttp) {}

  validate(content: PublishContent): ValidationIssue[] {
    if (countLength(content.text, LIMITS.counting) <= LIMITS.maxChars) return [];
    return [
      {
        code: 'webhook.too_long',
        message: {
          id: `Teks melebihi ${LIMITS.maxChars} karakter.`,
          en: `Text exceeds ${LIMITS.maxChars} characters.`,
        },
      },
    ];
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const { url, secret } = endpointOf(request.account);
    const body = JSON.stringify({
      id: request.idempotencyKey,
      targetId: request.targetId,
      version: request.version,
      workspaceId: request.account.workspaceId,
      accountId: request.account.accountId,
      title: request.content.title,
      text: request.content.text,
      media: request.content.media.map((item) => ({
        id: item.id,
        kind: item.kind,
        mimeType: item.mimeType,
        byteSize: item.byteSize,
        url: item.publicUrl,
        altText: item.altText,
      })),
    });
    const response = await this.http.request<unknown>('webhook', {
      method: 'POST',
      url,
      data: body,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': request.idempotencyKey,
        'x-gaung-signature': signBody(secret, body),
      },
      signal: request.signal,
      responseType: 'json',
    });
    const { status } = response;
    if (status >= 200 && status < 300) {
      const answer = (typeof response.data === 'object' && response.data !== null ? response.data : {}) as {
        id?: unknown;
        url?: unknown;
      };
      return {
        externalId: typeof answer.id === 'string' ? answer.id : request.idempotencyKey,
        url: typeof answer.url === 'string' ? answer.url : null,
      };
    }
    const reason = reasonOf(response.data, status);
    if (status === 401 || status === 403) throw PublishError.auth(`webhook.${status}`, reason, { httpStatus: status });
    if (status === 429)
      throw PublishError.notSent('webhook.429', reason, {
        httpStatus: status,
        rateLimited: true,
        retryAfterMs: parseRetryAfter(response.headers['retry-after']),
      });
    if (status === 503)
      throw PublishError.notSent('webhook.503', reason, {
        httpStatus: status,
        retryAfterMs: parseRetryAfter(response.headers['retry-after']),
      });
    if (status >= 500) throw PublishError.ambiguous(`webhook.${status}`, reason, { httpStatus: status });
    throw PublishError.permanent(`webhook.${status}`, reason, { httpStatus: status });
  }

  async verifyCredentials(account: AccountContext): Promise<VerifiedIdentity> {
    const { url } = endpointOf(account);
    // Nothing is sent at connect time, but an address every publish would be refused at is refused now.
    await this.http.checkAddress('webhook', url);
    // The identity is the receiver's URL as the parser spells it, so "HTTP://Host/hook#x" and
    // "http://host/hook" are one channel and a second connect answers 409 (docs/accounts.md).
    const receiver = new URL(url);
    receiver.hash = '';
    return { externalId: receiver.href, displayName: receiver.host, handle: null };
  }
}

function endpointOf(account: Pick<AccountContext, 'baseUrl' | 'credentials'>): { url: string; secret: string } {
  const secret = account.credentials.secret;
  if (!account.baseUrl) throw PublishError.permanent('webhook.no_url', 'The webhook channel has no URL');
  if (typeof secret !== 'string' || secret.length < 16)
    throw PublishError.auth('webhook.no_secret', 'The webhook channel has no signing secret');
  return { url: account.baseUrl, secret };
}

/** The receiver's own words, whatever their shape (PublishError cuts them short). */
function reasonOf(data: unknown, status: number): string {
  return unexpectedReason('The webhook receiver', status, data);
}
