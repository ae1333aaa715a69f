import { Injectable } from '@nestjs/common';
import { PrismaService, type Role } from '../../core/database';

/**
 * What the OAuth callback checks again before it acts for the state's binding: the workspace's slug,
 * the user's role there, and whether the session or API token that started the flow still lives.
 */
@Injectable()
export class OAuthRepository {
  constructor(private readonly prisma: PrismaService) {}

  async workspaceSlug(workspaceId: string): Promise<string> {
    return (await this.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { slug: true } })).slug;
  }

  async memberRole(workspaceId: string, userId: string): Promise<Role | undefined> {
    return (await this.prisma.membership.findFirst({ where: { workspaceId, userId } }))?.role;
  }

  /** A session is the user's, not a workspace's: it has no workspace id. */
  async sessionLives(userId: string, sessionId: string, now: Date): Promise<boolean> {
    return (
      (await this.prisma.session.count({ where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now } } })) >
      0
    );
  }

  /** The role cap of the user's API token in the workspace while it lives, else null. */
  async liveTokenRoleCap(workspaceId: string, userId: string, tokenId: string, now: Date): Promise<Role | null> {
    const token = await this.prisma.apiToken.findFirst({
      where: {
        id: tokenId,
        userId,
        workspaceId,
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
    });
    return token?.roleCap ?? null;
  }
}
