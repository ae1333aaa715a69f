import { Inject, Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { AppError } from '../core/errors';
import { withoutUnacceptableText } from '../core/http';
import { PublishError, PublisherRegistry, refusalIn, type AccountContext, type VerifiedIdentity } from '../publishers';
import { ACCOUNT_TEXT } from './accounts.messages';

/** An account as it would be stored, before anything is written. */
export type CandidateAccount = Omit<AccountContext, 'saveRefreshedCredentials'>;

/**
 * Asks the platform "who am I" with the given credentials (publisher.verifyCredentials), before
 * anything is stored. A refusal becomes a 422 carrying the platform's reason; credentials never
 * appear in it (publishers keep them out of their messages).
 */
@Injectable()
export class AccountVerifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly publishers: PublisherRegistry,
  ) {}

  async verify(candidate: CandidateAccount): Promise<VerifiedIdentity> {
    let identity: unknown;
    try {
      identity = await this.publishers
        .get(candidate.platform)
        .verifyCredentials(candidate, AbortSignal.timeout(this.config.PUBLISH_TIMEOUT_MS));
    } catch (error) {
      throw verificationError(error);
    }
    // Publishers read platform replies loosely; what gets stored is checked here, once for all.
    const checked = identitySchema.safeParse(withoutUnacceptableText(identity));
    if (!checked.success)
      throw unreadableReply(`identity ${checked.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    return checked.data;
  }
}

const identitySchema = z.object({
  externalId: z.union([z.string().trim().min(1).max(500), z.number().transform(String)]),
  displayName: z
    .string()
    .trim()
    .min(1)
    .transform((name) => name.slice(0, 200)),
  handle: z.string().trim().max(500).nullable(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

const logger = new Logger('AccountVerifier');

/** A platform reply we could not make sense of (HTML, null, wrong types): a 422, logged for the operator. */
function unreadableReply(what: string): AppError {
  logger.warn({ msg: 'unreadable platform reply during verification', what });
  return AppError.unprocessable('platform_reply_unreadable', ACCOUNT_TEXT.unreadableReply);
}

/** A platform failure during connect, reconnect or an OAuth exchange as an HTTP 422. */
export function verificationError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  // Anything else thrown while reading a platform's reply (null where an object was due, ...).
  if (!(error instanceof PublishError))
    return unreadableReply(error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown');
  const refused = refusalIn(error);
  if (refused)
    return AppError.unprocessable('address_not_allowed', ACCOUNT_TEXT.addressNotAllowed, {
      host: refused.host.slice(0, 200),
      reason: refused.reason,
    });
  const reason = error.message.slice(0, 500);
  const unreachable = error.kind === 'NOT_SENT_RETRYABLE' || error.kind === 'AMBIGUOUS';
  return AppError.unprocessable(
    unreachable ? 'platform_unreachable' : 'verification_failed',
    unreachable ? ACCOUNT_TEXT.platformUnreachable : ACCOUNT_TEXT.verificationFailed,
    {
      reason,
    },
  );
}
