import type { LocalizedText } from '../core/i18n';
import type { ObjectScopesRepository } from './object-scopes.repository';

type ScopeCheck = (scopes: ObjectScopesRepository, workspaceId: string, id: string) => Promise<boolean>;

interface ObjectScope {
  what: LocalizedText;
  belongs: ScopeCheck;
}

/**
 * Route parameters that name an object, and how to tell whether it belongs to the route's workspace.
 * WorkspaceGuard checks every such parameter before any handler or body validation runs, so an
 * object of another workspace answers 404 on every route, whatever its handler does. A campaign
 * also "belongs" to its active partner workspaces (they may read a joint campaign; services decide
 * what partners may change). The queries live in ObjectScopesRepository, which the guard injects
 * and hands over.
 */
export const OBJECT_SCOPES: Record<string, ObjectScope> = {
  postId: { what: { id: 'Postingan', en: 'Post' }, belongs: (scopes, workspaceId, id) => scopes.post(workspaceId, id) },
  campaignId: {
    what: { id: 'Kampanye', en: 'Campaign' },
    belongs: (scopes, workspaceId, id) => scopes.campaign(workspaceId, id),
  },
  accountId: {
    what: { id: 'Akun', en: 'Account' },
    belongs: (scopes, workspaceId, id) => scopes.account(workspaceId, id),
  },
  targetId: {
    what: { id: 'Tujuan publikasi', en: 'Delivery' },
    belongs: (scopes, workspaceId, id) => scopes.target(workspaceId, id),
  },
  partnershipId: {
    what: { id: 'Kemitraan', en: 'Partnership' },
    belongs: (scopes, workspaceId, id) => scopes.partnership(workspaceId, id),
  },
  memberId: {
    what: { id: 'Anggota', en: 'Member' },
    belongs: (scopes, workspaceId, id) => scopes.member(workspaceId, id),
  },
  invitationId: {
    what: { id: 'Undangan', en: 'Invitation' },
    belongs: (scopes, workspaceId, id) => scopes.invitation(workspaceId, id),
  },
  tokenId: {
    what: { id: 'Token API', en: 'API token' },
    belongs: (scopes, workspaceId, id) => scopes.apiToken(workspaceId, id),
  },
  commentId: {
    what: { id: 'Komentar', en: 'Comment' },
    belongs: (scopes, workspaceId, id) => scopes.comment(workspaceId, id),
  },
  keyDateId: {
    what: { id: 'Tanggal penting', en: 'Key date' },
    belongs: (scopes, workspaceId, id) => scopes.keyDate(workspaceId, id),
  },
  webhookId: {
    what: { id: 'Webhook', en: 'Webhook' },
    belongs: (scopes, workspaceId, id) => scopes.webhook(workspaceId, id),
  },
  mediaId: { what: { id: 'Media', en: 'Media' }, belongs: (scopes, workspaceId, id) => scopes.media(workspaceId, id) },
  notificationId: {
    what: { id: 'Pemberitahuan', en: 'Notification' },
    belongs: (scopes, workspaceId, id) => scopes.notification(workspaceId, id),
  },
};

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
