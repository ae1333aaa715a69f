import { Injectable } from '@nestjs/common';
import type { SealedSecret } from '../crypto';
import { PrismaService, type Tx } from '../database';
import type { AccountRef } from './account-credentials.store';

/** Writes a connected account's sealed credentials (AccountCredentialsStore seals and opens them). */
@Injectable()
export class AccountCredentialsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** In the caller's transaction when given one. */
  async saveSealed(
    account: AccountRef,
    sealed: SealedSecret,
    expiresAt: Date | null,
    db: Tx = this.prisma,
  ): Promise<void> {
    await db.connectedAccount.update({
      where: { id: account.id, workspaceId: account.workspaceId },
      data: { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId, tokenExpiresAt: expiresAt },
    });
  }
}
