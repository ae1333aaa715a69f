import type { PrismaService } from '../core/database';
import type { LocalizedText } from '../core/i18n';
import { ObjectScopesRepository } from './object-scopes.repository';

type ScopeCheck = (prisma: PrismaService, workspaceId: string, id: string) => Promise<boolean>;

const scopes = (prisma: PrismaService) => new ObjectScopesRepository(prisma);

interface ObjectScope {
  what: LocalizedText;
  belongs: ScopeCheck;
}

/**
 * Route parameters that name an object, and how to tell whether it belongs to the route's workspace.
 * WorkspaceGuard checks every such parameter before any handler or body validation runs, so an
 * object of another workspace answers 404 on every route, whatever its handler does. A campaign
 * also "belongs" to its active partner workspaces (they may read a joint campaign; services decide
 * what partners may change). The queries live in ObjectScopesRepository; the guard hands over its
 * Prisma service, so the repository is built around it here.
 */
export const OBJECT_SCOPES: Record<string, ObjectScope> = {
  postId: { what: { id: 'Postingan', en: 'Post' }, belongs: (p, workspaceId, id) => scopes(p).post(workspaceId, id) },
  campaignId: { what: { id: 'Kampanye', en: 'Campaign' }, belongs: (p, workspaceId, id) => scopes(p).campaign(workspaceId, id) },
  accountId: { what: { id: 'Akun', en: 'Account' }, belongs: (p, workspaceId, id) => scopes(p).account(workspaceId, id) },
  targetId: { what: { id: 'Tujuan publikasi', en: 'Delivery' }, belongs: (p, workspaceId, id) => scopes(p).target(workspaceId, id) },
  partnershipId: { what: { id: 'Kemitraan', en: 'Partnership' }, belongs: (p, workspaceId, id) => scopes(p).partnership(workspaceId, id) },
  memberId: { what: { id: 'Anggota', en: 'Member' }, belongs: (p, workspaceId, id) => scopes(p).member(workspaceId, id) },
  invitationId: { what: { id: 'Undangan', en: 'Invitation' }, belongs: (p, workspaceId, id) => scopes(p).invitation(workspaceId, id) },
  tokenId: { what: { id: 'Token API', en: 'API token' }, belongs: (p, workspaceId, id) => scopes(p).apiToken(workspaceId, id) },
  commentId: { what: { id: 'Komentar', en: 'Comment' }, belongs: (p, workspaceId, id) => scopes(p).comment(workspaceId, id) },
  keyDateId: { what: { id: 'Tanggal penting', en: 'Key date' }, belongs: (p, workspaceId, id) => scopes(p).keyDate(workspaceId, id) },
  webhookId: { what: { id: 'Webhook', en: 'Webhook' }, belongs: (p, workspaceId, id) => scopes(p).webhook(workspaceId, id) },
  mediaId: { what: { id: 'Media', en: 'Media' }, belongs: (p, workspaceId, id) => scopes(p).media(workspaceId, id) },
  notificationId: { what: { id: 'Pemberitahuan', en: 'Notification' }, belongs: (p, workspaceId, id) => scopes(p).notification(workspaceId, id) },
};

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
