import type { PrismaService } from '../core/database';
import type { LocalizedText } from '../core/i18n';

type ScopeCheck = (prisma: PrismaService, workspaceId: string, id: string) => Promise<boolean>;

interface ObjectScope {
  what: LocalizedText;
  belongs: ScopeCheck;
}

/**
 * Route parameters that name an object, and how to tell whether it belongs to the route's workspace.
 * WorkspaceGuard checks every such parameter before any handler or body validation runs, so an
 * object of another workspace answers 404 on every route, whatever its handler does. A campaign
 * also "belongs" to its active partner workspaces (they may read a joint campaign; services decide
 * what partners may change).
 */
export const OBJECT_SCOPES: Record<string, ObjectScope> = {
  postId: {
    what: { id: 'Postingan', en: 'Post' },
    belongs: async (p, workspaceId, id) => (await p.post.count({ where: { id, workspaceId } })) > 0,
  },
  campaignId: {
    what: { id: 'Kampanye', en: 'Campaign' },
    belongs: async (p, workspaceId, id) =>
      (await p.campaign.count({
        where: { id, OR: [{ workspaceId }, { partners: { some: { workspaceId, status: 'ACTIVE' } } }] },
      })) > 0,
  },
  accountId: {
    what: { id: 'Akun', en: 'Account' },
    belongs: async (p, workspaceId, id) => (await p.connectedAccount.count({ where: { id, workspaceId } })) > 0,
  },
  targetId: {
    what: { id: 'Tujuan publikasi', en: 'Delivery' },
    belongs: async (p, workspaceId, id) => (await p.postTarget.count({ where: { id, workspaceId } })) > 0,
  },
  partnershipId: {
    what: { id: 'Kemitraan', en: 'Partnership' },
    belongs: async (p, workspaceId, id) => (await p.campaignPartner.count({ where: { id, workspaceId } })) > 0,
  },
  memberId: {
    what: { id: 'Anggota', en: 'Member' },
    belongs: async (p, workspaceId, id) => (await p.membership.count({ where: { userId: id, workspaceId } })) > 0,
  },
  invitationId: {
    what: { id: 'Undangan', en: 'Invitation' },
    belongs: async (p, workspaceId, id) => (await p.invitation.count({ where: { id, workspaceId } })) > 0,
  },
  tokenId: {
    what: { id: 'Token API', en: 'API token' },
    belongs: async (p, workspaceId, id) => (await p.apiToken.count({ where: { id, workspaceId } })) > 0,
  },
  commentId: {
    what: { id: 'Komentar', en: 'Comment' },
    belongs: async (p, workspaceId, id) => (await p.reviewComment.count({ where: { id, workspaceId } })) > 0,
  },
  keyDateId: {
    what: { id: 'Tanggal penting', en: 'Key date' },
    belongs: async (p, workspaceId, id) => (await p.keyDate.count({ where: { id, workspaceId } })) > 0,
  },
  webhookId: {
    what: { id: 'Webhook', en: 'Webhook' },
    belongs: async (p, workspaceId, id) => (await p.webhookEndpoint.count({ where: { id, workspaceId } })) > 0,
  },
  mediaId: {
    what: { id: 'Media', en: 'Media' },
    belongs: async (p, workspaceId, id) => (await p.mediaAsset.count({ where: { id, workspaceId } })) > 0,
  },
  notificationId: {
    what: { id: 'Pemberitahuan', en: 'Notification' },
    belongs: async (p, workspaceId, id) => (await p.notification.count({ where: { id, workspaceId } })) > 0,
  },
};

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
