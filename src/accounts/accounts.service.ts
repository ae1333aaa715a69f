import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { accessActor, type Actor, auditJson, AuditService } from '../core/audit';
import type { WorkspaceAccess } from '../auth/auth-context';
import { nextFreeSlots, postingSlotsSchema } from '../calendar/posting-slots';
import { resolveZone, zonedFormatter } from '../core/time';
import { PrismaService, type ConnectedAccount, type Tx } from '../core/database';
import { AppError } from '../core/errors';
import { requestContext } from '../core/logging';
import {
  DeliveryScheduler,
  HoldResumeService,
  pendingDeliveries,
  RateBudgetChecker,
  staleWakeUps,
} from '../publishing';
import { credentialFormFor, type VerifiedIdentity } from '../publishers';
import { AccountCredentialsStore } from '../core/credentials';
import { AccountVerifier, type CandidateAccount } from './account-verifier';
import { presentAccount } from './account-view';
import { ACCOUNT_TEXT } from './accounts.messages';
import { AccountsRepository } from './accounts.repository';
import type { CredentialsForm, UpdateAccount } from './accounts.schemas';

/** A verified account ready to be written: the platform answered "who am I" for these credentials. */
export interface VerifiedConnection {
  candidate: CandidateAccount;
  identity: VerifiedIdentity;
  tokenExpiresAt: Date | null;
  displayName?: string;
  postingSlots?: unknown[];
}

/** Platforms whose identity is ours, not the platform's: a reconnect may change it. */
const SELF_DESCRIBED = new Set(['WEBHOOK', 'FEED']);

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly accounts: AccountsRepository,
    private readonly store: AccountCredentialsStore,
    private readonly verifier: AccountVerifier,
    private readonly audit: AuditService,
    private readonly holds: HoldResumeService,
    private readonly budgets: RateBudgetChecker,
    private readonly scheduler: DeliveryScheduler,
  ) {}

  async list(access: WorkspaceAccess, include: 'connected' | 'all') {
    return { accounts: (await this.accounts.list(access.workspaceId, include === 'all')).map(presentAccount) };
  }

  async rateBudgets(access: WorkspaceAccess) {
    const budgets = await this.budgets.budgetsLeft(access.workspaceId);
    return {
      budgets: budgets.map(({ accountId, budget, left, nextSlotAt }) => ({
        accountId,
        posts: budget.posts,
        windowMs: budget.windowMs,
        left,
        nextSlotAt,
      })),
    };
  }

  async get(access: WorkspaceAccess, accountId: string) {
    return presentAccount(await this.require(access.workspaceId, accountId));
  }

  /** Connects with a credential form: verified with the platform first; nothing is written on refusal. */
  async connect(access: WorkspaceAccess, form: CredentialsForm) {
    const { candidate, revealedSecret } = candidateFromForm(randomUUID(), access.workspaceId, form);
    const identity = await this.verifier.verify(candidate);
    const [result] = await this.saveConnections(
      accessActor(access),
      access.workspaceId,
      [{ candidate, identity, tokenExpiresAt: null, displayName: form.displayName, postingSlots: form.postingSlots }],
      { onExisting: 'refuse' },
    );
    // A generated webhook secret is shown once, here; afterwards only its owner's endpoint knows it.
    return { ...presentAccount(result!.account), ...(revealedSecret ? { secret: revealedSecret } : {}) };
  }

  /**
   * Writes verified connections in one transaction: new accounts, or (onExisting 'reconnect', used by
   * OAuth) fresh credentials for an already connected account with the same platform id. Accounts
   * that were reconnected get their parked deliveries resumed after the commit.
   */
  async saveConnections(
    actor: Actor,
    workspaceId: string,
    connections: VerifiedConnection[],
    options: { onExisting: 'refuse' | 'reconnect' },
  ) {
    const results = await this.prisma.$transaction(async (tx) => {
      const saved: Array<{ account: ConnectedAccount; reconnected: boolean }> = [];
      for (const connection of connections) {
        const existing = await this.accounts.findConnected(
          tx,
          workspaceId,
          connection.candidate.platform,
          connection.identity.externalId,
        );
        if (existing && options.onExisting === 'refuse')
          throw AppError.conflict('already_connected', ACCOUNT_TEXT.alreadyConnected, { name: existing.displayName });
        saved.push(
          existing
            ? { account: await this.replaceCredentials(tx, actor, existing, connection), reconnected: true }
            : { account: await this.create(tx, actor, workspaceId, connection), reconnected: false },
        );
      }
      return saved;
    });
    for (const result of results) if (result.reconnected) await this.resumeParked(result.account.id);
    return results;
  }

  async update(access: WorkspaceAccess, accountId: string, changes: UpdateAccount) {
    return this.prisma.$transaction(async (tx) => {
      const before = await this.lockLive(tx, access.workspaceId, accountId);
      // A credential is only ever sent to the host it was entered for (docs/security.md).
      if (
        changes.baseUrl !== undefined &&
        changes.baseUrl !== before.baseUrl &&
        before.credentialsCiphertext !== null
      ) {
        throw AppError.unprocessable('credentials_required', ACCOUNT_TEXT.newAddressNeedsCredentials);
      }
      const after = await this.accounts.update(tx, access.workspaceId, accountId, changes);
      await this.record(tx, accessActor(access), access.workspaceId, 'account.updated', accountId, {
        before: { displayName: before.displayName, baseUrl: before.baseUrl },
        after: changes,
      });
      return presentAccount(after);
    });
  }

  /** New credentials for the same account (verified); NEEDS_RECONNECT becomes ACTIVE and parked deliveries resume. */
  async reconnect(access: WorkspaceAccess, accountId: string, form: CredentialsForm) {
    const account = await this.require(access.workspaceId, accountId);
    if (account.status === 'DISABLED') throw AppError.conflict('account_disconnected', ACCOUNT_TEXT.disconnected);
    if (form.platform !== account.platform)
      throw AppError.unprocessable('platform_mismatch', ACCOUNT_TEXT.platformMismatch, {
        given: form.platform,
        expected: account.platform,
      });
    const { candidate, revealedSecret } = candidateFromForm(account.id, account.workspaceId, form);
    const identity = await this.verifier.verify({ ...candidate, handle: candidate.handle ?? account.handle });
    if (!SELF_DESCRIBED.has(account.platform) && account.externalId && identity.externalId !== account.externalId) {
      throw AppError.unprocessable('other_account', ACCOUNT_TEXT.otherAccountOnPlatform, {
        name: identity.handle ?? identity.displayName,
      });
    }
    const after = await this.prisma.$transaction(async (tx) => {
      const locked = await this.lockLive(tx, access.workspaceId, accountId);
      return this.replaceCredentials(tx, accessActor(access), locked, {
        candidate,
        identity,
        tokenExpiresAt: null,
        displayName: form.displayName,
        postingSlots: form.postingSlots,
      });
    });
    await this.resumeParked(accountId);
    return { ...presentAccount(after), ...(revealedSecret ? { secret: revealedSecret } : {}) };
  }

  /**
   * DISABLED, credentials wiped, every delivery not yet made cancelled: one transaction. Then the
   * cancelled deliveries' wake-ups are forgotten, as an edit or a cancel forgets them (staleWakeUps).
   */
  async disconnect(access: WorkspaceAccess, accountId: string) {
    const { result, stale } = await this.prisma.$transaction(async (tx) => {
      await this.lockLive(tx, access.workspaceId, accountId);
      const after = await this.accounts.update(tx, access.workspaceId, accountId, {
        status: 'DISABLED',
        statusReason: null,
        disconnectedAt: new Date(),
        credentialsCiphertext: null,
        credentialsKeyId: null,
        tokenExpiresAt: null,
      });
      const cancelled = await this.accounts.cancelPendingDeliveries(tx, access.workspaceId, accountId);
      const actor = accessActor(access);
      for (const { id: targetId } of cancelled) {
        await this.audit.record(tx, {
          workspaceId: access.workspaceId,
          actor,
          action: 'target.cancelled',
          subjectType: 'target',
          subjectId: targetId,
          summary: { reason: 'account disconnected', accountId },
        });
      }
      await this.record(tx, actor, access.workspaceId, 'account.disconnected', accountId, {
        cancelledDeliveries: cancelled.length,
      });
      return {
        result: { ...presentAccount(after), cancelledDeliveries: cancelled.length },
        stale: staleWakeUps(
          cancelled,
          cancelled.map((target) => ({ ...target, state: 'CANCELLED' })),
        ),
      };
    });
    await Promise.all(stale.map((w) => this.scheduler.forget(w.id, w.version)));
    return result;
  }

  /** The deliveries not yet made that disconnecting would cancel (the confirmation lists them). */
  async pendingDeliveries(access: WorkspaceAccess, accountId: string) {
    await this.require(access.workspaceId, accountId);
    return pendingDeliveries(this.prisma, { workspaceId: access.workspaceId, accountId });
  }

  /**
   * The account's next `count` posting slots after `after` (default now) not already booked by a
   * post, shown in `zone` (default the workspace's, in which the weekly slots are defined).
   */
  async nextSlot(access: WorkspaceAccess, accountId: string, query: { after?: string; zone?: string; count: number }) {
    const account = await this.require(access.workspaceId, accountId);
    const zone = resolveZone(query.zone ?? access.timeZone);
    const parsed = postingSlotsSchema.safeParse(account.postingSlots);
    const slots = parsed.success ? parsed.data : [];
    const from = query.after ? DateTime.fromISO(query.after, { setZone: true }) : DateTime.utc();
    const taken = await this.accounts.takenInstants(access.workspaceId, accountId, from.toJSDate());
    const free = nextFreeSlots(slots, access.timeZone, from, taken, query.count);
    const format = zonedFormatter(zone, requestContext.locale());
    const first = free[0];
    return {
      after: from.toUTC().toISO()!,
      timeZone: access.timeZone,
      zone,
      slotsDefined: slots.length,
      slot: first ? first.toUTC().toISO() : null,
      localTime: first ? first.setZone(access.timeZone).toISO() : null,
      slots: free.map((slot) => ({ at: slot.toUTC().toISO()!, local: format(slot.toJSDate()) })),
    };
  }

  private async create(
    tx: Tx,
    actor: Actor,
    workspaceId: string,
    connection: VerifiedConnection,
  ): Promise<ConnectedAccount> {
    const { candidate, identity } = connection;
    const sealed =
      Object.keys(candidate.credentials).length > 0
        ? this.store.seal({ id: candidate.accountId, workspaceId }, candidate.credentials)
        : null;
    const account = await this.accounts.create(tx, workspaceId, {
      id: candidate.accountId,
      platform: candidate.platform,
      displayName: (connection.displayName ?? identity.displayName).slice(0, 200),
      handle: identity.handle?.slice(0, 200) ?? null,
      externalId: identity.externalId.slice(0, 200),
      baseUrl: candidate.baseUrl,
      credentialsCiphertext: sealed?.ciphertext ?? null,
      credentialsKeyId: sealed?.keyId ?? null,
      tokenExpiresAt: connection.tokenExpiresAt,
      lastCheckedAt: new Date(),
      settings: auditJson({ ...candidate.settings, ...identity.settings }),
      ...(connection.postingSlots ? { postingSlots: auditJson(connection.postingSlots) } : {}),
    });
    await this.record(tx, actor, workspaceId, 'account.connected', account.id, {
      platform: account.platform,
      displayName: account.displayName,
      handle: account.handle,
      externalId: account.externalId,
    });
    return account;
  }

  private async replaceCredentials(
    tx: Tx,
    actor: Actor,
    account: ConnectedAccount,
    connection: VerifiedConnection,
  ): Promise<ConnectedAccount> {
    const { candidate, identity } = connection;
    const ref = { id: account.id, workspaceId: account.workspaceId };
    const sealed = Object.keys(candidate.credentials).length > 0 ? this.store.seal(ref, candidate.credentials) : null;
    const after = await this.accounts.update(tx, account.workspaceId, account.id, {
      credentialsCiphertext: sealed?.ciphertext ?? null,
      credentialsKeyId: sealed?.keyId ?? null,
      tokenExpiresAt: connection.tokenExpiresAt,
      baseUrl: candidate.baseUrl,
      externalId: identity.externalId.slice(0, 200),
      handle: identity.handle?.slice(0, 200) ?? account.handle,
      ...(connection.displayName ? { displayName: connection.displayName } : {}),
      ...(connection.postingSlots ? { postingSlots: auditJson(connection.postingSlots) } : {}),
      settings: auditJson({ ...(account.settings as object), ...candidate.settings, ...identity.settings }),
      status: 'ACTIVE',
      statusReason: null,
      lastCheckedAt: new Date(),
    });
    await this.accounts.resolveReconnectNotifications(tx, account.workspaceId, account.id);
    await this.record(tx, actor, account.workspaceId, 'account.reconnected', account.id, {
      previousStatus: account.status,
    });
    return after;
  }

  /** Resumes deliveries parked by an AUTH failure; the reconnect itself is already committed. */
  private async resumeParked(accountId: string): Promise<void> {
    try {
      await this.holds.accountReconnected(accountId);
    } catch (error) {
      // The sweeper would not pick HELD targets up: log loudly, the admin can reconnect again.
      this.logger.error(`resuming deliveries of account ${accountId} failed: ${(error as Error).message}`);
    }
  }

  private async require(workspaceId: string, accountId: string): Promise<ConnectedAccount> {
    const account = await this.accounts.find(workspaceId, accountId);
    if (!account) throw AppError.notFound(ACCOUNT_TEXT.account);
    return account;
  }

  private async lockLive(tx: Tx, workspaceId: string, accountId: string): Promise<ConnectedAccount> {
    const account = await this.accounts.lock(tx, workspaceId, accountId);
    if (!account) throw AppError.notFound(ACCOUNT_TEXT.account);
    if (account.status === 'DISABLED') throw AppError.conflict('account_disconnected', ACCOUNT_TEXT.disconnected);
    return account;
  }

  private record(tx: Tx, actor: Actor, workspaceId: string, action: string, accountId: string, summary: object = {}) {
    return this.audit.record(tx, {
      workspaceId,
      actor,
      action,
      subjectType: 'account',
      subjectId: accountId,
      summary: auditJson(summary),
    });
  }
}

/** What a credential form means for its platform (the platform's folder says where the account lives and what is secret). */
function candidateFromForm(
  accountId: string,
  workspaceId: string,
  form: CredentialsForm,
): { candidate: CandidateAccount; revealedSecret: string | null } {
  const credentialForm = credentialFormFor(form.platform);
  if (!credentialForm) throw new Error(`${form.platform} has no credential form`);
  const { revealedSecret, settings, ...account } = credentialForm.toAccount(form);
  return {
    candidate: { accountId, workspaceId, platform: form.platform, settings: settings ?? {}, ...account },
    revealedSecret,
  };
}
