import { Inject, Injectable, Logger } from '@nestjs/common';
import { auditJson, AuditService, type Actor } from '../../core/audit';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { PrismaService, type ConnectedAccount } from '../../core/database';
import { DeliveryNotices } from '../../notifications/notifier';
import { accountContextOf, PublishError, PublisherRegistry, type AccountContext } from '../../publishers';
import { AccountCredentialsStore } from '../../core/credentials';
import { markNeedsReconnect } from '../../publishing';
import { AccountHealthRepository } from './account-health.repository';

/** Tokens expiring within this window are refreshed. */
const REFRESH_WINDOW_MS = 24 * 3600_000;
/** Credentials are checked with the platform once per this interval. */
const CHECK_INTERVAL_MS = 24 * 3600_000;
const BATCH = 100;
const SYSTEM: Actor = { userId: null, kind: 'system' };

export interface HealthReport {
  refreshed: number;
  checked: number;
  needsReconnect: number;
  errors: number;
}

/**
 * Keeps connected accounts working: refreshes tokens that expire within 24 hours and asks each
 * platform "who am I" once a day. A platform that says the credentials no longer work (AUTH) puts
 * the account in NEEDS_RECONNECT and tells the workspace; anything else (the platform down) is
 * only logged and tried again next run.
 */
@Injectable()
export class AccountHealthService {
  private readonly logger = new Logger(AccountHealthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly publishers: PublisherRegistry,
    private readonly store: AccountCredentialsStore,
    private readonly audit: AuditService,
    private readonly notifier: DeliveryNotices,
    private readonly accounts: AccountHealthRepository,
  ) {}

  /** `scope` limits a run to one workspace (an admin's "check now", and tests on a shared database). */
  async run(now = new Date(), scope: { workspaceId?: string } = {}): Promise<HealthReport> {
    const report: HealthReport = { refreshed: 0, checked: 0, needsReconnect: 0, errors: 0 };
    const expiring = await this.accounts.expiring(scope, new Date(now.getTime() + REFRESH_WINDOW_MS), BATCH);
    for (const account of expiring) await this.guarded(account, report, () => this.refresh(account, report));
    const due = await this.accounts.dueForCheck(scope, new Date(now.getTime() - CHECK_INTERVAL_MS), BATCH);
    for (const account of due) await this.guarded(account, report, () => this.check(account, report));
    return report;
  }

  private async refresh(account: ConnectedAccount, report: HealthReport): Promise<void> {
    const publisher = this.publishers.get(account.platform);
    if (!publisher.refreshCredentials) return;
    const refreshed = await publisher.refreshCredentials(this.context(account), this.signal());
    if (!refreshed) return;
    await this.prisma.$transaction(async (tx) => {
      await this.store.save(account, refreshed.credentials, refreshed.expiresAt, tx);
      await this.audit.record(tx, {
        workspaceId: account.workspaceId,
        actor: SYSTEM,
        action: 'account.token_refreshed',
        subjectType: 'account',
        subjectId: account.id,
        summary: { expiresAt: refreshed.expiresAt?.toISOString() ?? null },
      });
    });
    report.refreshed++;
  }

  private async check(account: ConnectedAccount, report: HealthReport): Promise<void> {
    const fresh = await this.accounts.current(account.workspaceId, account.id);
    const identity = await this.publishers.get(fresh.platform).verifyCredentials(this.context(fresh), this.signal());
    await this.accounts.checked(
      fresh.workspaceId,
      fresh.id,
      auditJson({ ...(fresh.settings as object), ...identity.settings }),
    );
    report.checked++;
  }

  /** AUTH -> NEEDS_RECONNECT with a notification; other failures wait for the next run. */
  private async guarded(account: ConnectedAccount, report: HealthReport, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof PublishError && error.kind === 'AUTH') {
        if (await this.markNeedsReconnect(account, error.message)) report.needsReconnect++;
        return;
      }
      report.errors++;
      this.logger.warn(
        `account ${account.id} (${account.platform}) health check failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async markNeedsReconnect(account: ConnectedAccount, reason: string): Promise<boolean> {
    const change = {
      workspaceId: account.workspaceId,
      accountId: account.id,
      reason,
      actor: SYSTEM,
      checkedAt: new Date(),
    };
    const notificationIds = await this.prisma.$transaction((tx) => markNeedsReconnect(tx, this.notifier, change));
    await this.notifier.dispatch(notificationIds);
    return notificationIds.length > 0;
  }

  /** Credentials that cannot be opened throw SecretDecryptionError: logged, the account left as it is. */
  private context(account: ConnectedAccount): AccountContext {
    return accountContextOf(this.store, account);
  }

  private signal(): AbortSignal {
    return AbortSignal.timeout(this.config.PUBLISH_TIMEOUT_MS);
  }
}
