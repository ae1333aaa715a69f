import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { AppError } from '../core/errors';
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
    try {
      return await this.publishers.get(candidate.platform).verifyCredentials(candidate, AbortSignal.timeout(this.config.PUBLISH_TIMEOUT_MS));
    } catch (error) {
      throw verificationError(error);
    }
  }
}

/** A platform failure during connect, reconnect or an OAuth exchange as an HTTP 422. */
export function verificationError(error: unknown): unknown {
  if (!(error instanceof PublishError)) return error;
  const refused = refusalIn(error);
  if (refused) return AppError.unprocessable('address_not_allowed', ACCOUNT_TEXT.addressNotAllowed, { host: refused.host.slice(0, 200), reason: refused.reason });
  const reason = error.message.slice(0, 500);
  const unreachable = error.kind === 'NOT_SENT_RETRYABLE' || error.kind === 'AMBIGUOUS';
  return AppError.unprocessable(unreachable ? 'platform_unreachable' : 'verification_failed', unreachable ? ACCOUNT_TEXT.platformUnreachable : ACCOUNT_TEXT.verificationFailed, {
    reason,
  });
}
