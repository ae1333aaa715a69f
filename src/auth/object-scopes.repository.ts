import { Injectable } from '@nestjs/common';
import { PrismaService } from '../core/database';

/**
 * Whether an object named in a route belongs to the route's workspace (see object-scopes.ts). Every
 * method takes the workspace id; each answers by counting the object within that workspace.
 */
@Injectable()
export class ObjectScopesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async post(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.post.count({ where: { id, workspaceId } })) > 0;
  }

  /** Its own workspace's campaign, or a joint campaign the workspace is an active partner of. */
  async campaign(workspaceId: string, id: string): Promise<boolean> {
    return (
      (await this.prisma.campaign.count({
        where: { id, OR: [{ workspaceId }, { partners: { some: { workspaceId, status: 'ACTIVE' } } }] },
      })) > 0
    );
  }

  async account(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.connectedAccount.count({ where: { id, workspaceId } })) > 0;
  }

  async target(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.postTarget.count({ where: { id, workspaceId } })) > 0;
  }

  async partnership(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.campaignPartner.count({ where: { id, workspaceId } })) > 0;
  }

  /** A member is named by its user id. */
  async member(workspaceId: string, userId: string): Promise<boolean> {
    return (await this.prisma.membership.count({ where: { userId, workspaceId } })) > 0;
  }

  async invitation(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.invitation.count({ where: { id, workspaceId } })) > 0;
  }

  async apiToken(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.apiToken.count({ where: { id, workspaceId } })) > 0;
  }

  async comment(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.reviewComment.count({ where: { id, workspaceId } })) > 0;
  }

  async keyDate(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.keyDate.count({ where: { id, workspaceId } })) > 0;
  }

  async webhook(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.webhookEndpoint.count({ where: { id, workspaceId } })) > 0;
  }

  async media(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.mediaAsset.count({ where: { id, workspaceId } })) > 0;
  }

  async notification(workspaceId: string, id: string): Promise<boolean> {
    return (await this.prisma.notification.count({ where: { id, workspaceId } })) > 0;
  }
}
