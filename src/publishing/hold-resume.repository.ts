import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../core/database';
import { heldTargetSelect, heldTargetsWhere, type HeldTarget, type ResumeScope } from './resume-rule';

const LIFTED = { heldAt: null, holdReason: null, holdResumeAt: null, heldById: null };

/**
 * HELD targets and timed holds, for HoldResumeService. The look-ups of due holds and of held
 * targets by campaign or account span workspaces on purpose (the sweeper lifts every workspace's
 * due holds; a campaign or account id names its workspace); every write takes the workspace id.
 */
@Injectable()
export class HoldResumeRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** HELD targets of the scope; `lifted` counts the scope's own hold as already lifted (a dry run). */
  heldTargets(scope: ResumeScope, lifted = false): Promise<HeldTarget[]> {
    const where = heldTargetsWhere(scope, lifted);
    return lifted
      ? this.prisma.postTarget.findMany({ where, select: heldTargetSelect, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] })
      : this.prisma.postTarget.findMany({ where, select: heldTargetSelect });
  }

  /** Moves a HELD target on, if still HELD at this version; false when someone else got there first. */
  async leaveHeld(
    tx: Tx,
    workspaceId: string,
    target: { id: string; version: number },
    next: { state: 'SCHEDULED'; dueAt: Date } | { state: 'EXPIRED' },
  ): Promise<boolean> {
    const changed = await tx.postTarget.updateMany({
      where: { id: target.id, workspaceId, version: target.version, state: 'HELD' },
      data: { ...next, lastError: null, lastErrorCode: null },
    });
    return changed.count > 0;
  }

  dueWorkspaceHolds(now: Date) {
    return this.prisma.workspace.findMany({
      where: { heldAt: { not: null }, holdResumeAt: { lte: now } },
      select: { id: true, holdResumeAt: true },
    });
  }

  dueCampaignHolds(now: Date) {
    return this.prisma.campaign.findMany({
      where: { heldAt: { not: null }, holdResumeAt: { lte: now } },
      select: { id: true, workspaceId: true, holdResumeAt: true },
    });
  }

  /** Lifts the workspace's hold if its resume time is still the one read (nobody changed the hold meanwhile). */
  async liftWorkspaceHold(tx: Tx, workspaceId: string, holdResumeAt: Date | null): Promise<boolean> {
    const changed = await tx.workspace.updateMany({ where: { id: workspaceId, holdResumeAt }, data: LIFTED });
    return changed.count > 0;
  }

  /** Lifts the campaign's hold if its resume time is still the one read. */
  async liftCampaignHold(tx: Tx, workspaceId: string, campaignId: string, holdResumeAt: Date | null): Promise<boolean> {
    const changed = await tx.campaign.updateMany({
      where: { id: campaignId, workspaceId, holdResumeAt },
      data: LIFTED,
    });
    return changed.count > 0;
  }
}
