import { Injectable } from '@nestjs/common';
import { accessActor, auditJson, AuditService } from '../core/audit';
import type { Principal, WorkspaceAccess } from '../auth/auth-context';
import { actorOf } from '../auth/auth.service';
import { PrismaService, Role, type Tx } from '../core/database';
import { AppError } from '../core/errors';
import { RateLimiter } from '../core/queue';
import { Notifier } from '../notifications/notifier';
import { HoldResumeService, type ResumePreview, type ResumeSummary } from '../publishing';
import { assertMayManage } from './member-rights';
import type { WorkspaceChanges } from './workspaces.schemas';
import { WORKSPACE_TEXT } from './workspaces.messages';
import { WorkspacesRepository } from './workspaces.repository';

/** Workspaces created or renamed per user per hour (each checks whether a slug is taken). */
const SLUG_CHECKS_PER_HOUR = 10;

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly workspaces: WorkspacesRepository,
    private readonly audit: AuditService,
    private readonly holds: HoldResumeService,
    private readonly limiter: RateLimiter,
    private readonly notices: Notifier,
  ) {}

  /** The creator becomes its OWNER. */
  async create(principal: Principal, input: { slug: string; name: string; timeZone: string; locale: string }) {
    await this.assertSlugFree(principal.userId, input.slug);
    return this.prisma.$transaction(async (tx) => {
      const workspace = await this.workspaces.create(tx, input);
      await this.workspaces.addMember(tx, workspace.id, principal.userId, Role.OWNER);
      await this.audit.record(tx, {
        workspaceId: workspace.id,
        actor: actorOf(principal),
        action: 'workspace.created',
        subjectType: 'workspace',
        subjectId: workspace.id,
        summary: { after: input },
      });
      return workspace;
    });
  }

  get(access: WorkspaceAccess) {
    return this.workspaces.findById(access.workspaceId);
  }

  async update(access: WorkspaceAccess, changes: WorkspaceChanges) {
    if (changes.slug) await this.assertSlugFree(access.userId, changes.slug, access.workspaceId);
    return this.prisma.$transaction(async (tx) => {
      const before = await this.workspaces.findById(access.workspaceId, tx);
      const after = await this.workspaces.update(tx, access.workspaceId, changes);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'workspace.updated',
        subjectType: 'workspace',
        subjectId: access.workspaceId,
        summary: auditJson({ before: pick(before, Object.keys(changes)), after: changes }),
      });
      return after;
    });
  }

  /** Crisis hold: nothing of this workspace publishes, up to the last second, until resumed. */
  async hold(access: WorkspaceAccess, reason: string, resumeAt?: string) {
    const told: string[] = [];
    const held = await this.prisma.$transaction(async (tx) => {
      const newlyHeld = await this.workspaces.hold(tx, access.workspaceId, {
        reason,
        resumeAt: resumeAt ? new Date(resumeAt) : null,
        heldById: access.userId,
      });
      if (!newlyHeld) throw AppError.conflict('already_held', WORKSPACE_TEXT.alreadyHeld);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'workspace.held',
        subjectType: 'workspace',
        subjectId: access.workspaceId,
        summary: { reason, resumeAt: resumeAt ?? null },
      });
      told.push(
        ...(await this.notices.workspaceHold(tx, access.workspaceId, access.userId, {
          reason,
          resumeAt: resumeAt ?? null,
        })),
      );
      return this.workspaces.findById(access.workspaceId);
    });
    await this.notices.dispatch(told);
    return held;
  }

  /** Lifts the hold; deliveries whose time passed follow their campaign's late policy. */
  async resume(access: WorkspaceAccess): Promise<ResumeSummary> {
    const told: string[] = [];
    await this.prisma.$transaction(async (tx) => {
      const resumed = await this.workspaces.resume(tx, access.workspaceId);
      if (!resumed) throw AppError.conflict('not_held', WORKSPACE_TEXT.notHeld);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'workspace.resumed',
        subjectType: 'workspace',
        subjectId: access.workspaceId,
      });
      told.push(...(await this.notices.workspaceHold(tx, access.workspaceId, access.userId, null)));
    });
    await this.notices.dispatch(told);
    return this.holds.resumeAfterHold({ workspaceId: access.workspaceId });
  }

  /** A dry run of resume: what the resume would do now (nothing when not held). */
  async previewResume(access: WorkspaceAccess): Promise<ResumePreview & { held: boolean }> {
    const workspace = await this.workspaces.findById(access.workspaceId);
    // A read answers, never 409: not held means resuming would change nothing.
    if (!workspace.heldAt) return { held: false, publish: [], expire: [] };
    return { held: true, ...(await this.holds.preview({ workspaceId: access.workspaceId })) };
  }

  async members(access: WorkspaceAccess) {
    const members = await this.workspaces.listMembers(access.workspaceId);
    return members.map((m) => ({
      userId: m.userId,
      email: m.user.email,
      name: m.user.name,
      role: m.role,
      since: m.createdAt,
    }));
  }

  async changeRole(access: WorkspaceAccess, memberId: string, role: Role) {
    await this.prisma.$transaction(async (tx) => {
      const member = await this.workspaces.findMember(tx, access.workspaceId, memberId);
      if (!member) throw AppError.notFound(WORKSPACE_TEXT.member);
      assertMayManage(access, member.role, role);
      if (member.role === Role.OWNER && role !== Role.OWNER) await this.assertAnotherOwner(tx, access.workspaceId);
      await this.workspaces.setRole(tx, access.workspaceId, memberId, role);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'member.role_changed',
        subjectType: 'user',
        subjectId: memberId,
        summary: { before: { role: member.role }, after: { role } },
      });
    });
  }

  /** Removes a member (ADMIN+), or the caller themselves when memberId is their own id. */
  async removeMember(access: WorkspaceAccess, memberId: string) {
    await this.prisma.$transaction(async (tx) => {
      const member = await this.workspaces.findMember(tx, access.workspaceId, memberId);
      if (!member) throw AppError.notFound(WORKSPACE_TEXT.member);
      const leaving = memberId === access.userId;
      if (!leaving) assertMayManage(access, member.role, member.role);
      if (member.role === Role.OWNER) await this.assertAnotherOwner(tx, access.workspaceId);
      await this.workspaces.removeMember(tx, access.workspaceId, memberId);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: leaving ? 'member.left' : 'member.removed',
        subjectType: 'user',
        subjectId: memberId,
        summary: { before: { role: member.role } },
      });
    });
  }

  private async assertAnotherOwner(tx: Tx, workspaceId: string): Promise<void> {
    if ((await this.workspaces.lockAndCountOwners(tx, workspaceId)) <= 1) {
      throw AppError.conflict('last_owner', WORKSPACE_TEXT.lastOwner);
    }
  }

  /**
   * A taken slug must be refused, which tells that a workspace uses it: the checks are rate limited
   * per user, so nobody sweeps slugs to learn which organisations are here (docs/security.md, 12).
   */
  private async assertSlugFree(userId: string, slug: string, exceptWorkspaceId?: string): Promise<void> {
    const verdict = await this.limiter.hit(['slug-checks', userId], SLUG_CHECKS_PER_HOUR, 3_600_000);
    if (!verdict.allowed) {
      throw AppError.tooManyRequests(
        'slug_checks_rate_limited',
        WORKSPACE_TEXT.tooManySlugChecks,
        verdict.retryAfterSeconds,
        { minutes: Math.ceil(verdict.retryAfterSeconds / 60) },
      );
    }
    if ((await this.workspaces.slugTaken(slug, exceptWorkspaceId)) > 0) {
      throw AppError.conflict('slug_taken', WORKSPACE_TEXT.slugTaken, { slug });
    }
  }
}

function pick(source: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source).filter(([key]) => keys.includes(key)));
}
