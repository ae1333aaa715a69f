import { hashToken, newSecretToken } from '../../src/core/crypto';
import type { PrismaClient } from '../../src/core/database';
import type { FixtureWorkspace } from './fixtures';

/**
 * One object of every kind that a route parameter can name, in the given workspace, keyed by the
 * parameter name used in routes (see src/auth/object-scopes.ts).
 */
export async function createObjects(prisma: PrismaClient, ws: FixtureWorkspace): Promise<Record<string, string>> {
  const author = ws.users.EDITOR.id;
  const account = await prisma.connectedAccount.create({
    data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Feed', handle: ws.slug },
  });
  const campaign = await prisma.campaign.create({
    data: { workspaceId: ws.id, name: 'Kampanye', timeZone: 'Asia/Jakarta' },
  });
  const post = await prisma.post.create({
    data: {
      workspaceId: ws.id,
      campaignId: campaign.id,
      authorId: author,
      baseText: 'Halo',
      targets: { create: { workspaceId: ws.id, accountId: account.id } },
    },
    include: { targets: true },
  });
  const comment = await prisma.reviewComment.create({
    data: { postId: post.id, workspaceId: ws.id, authorId: author, body: 'ok', postVersion: 1 },
  });
  const invitation = await prisma.invitation.create({
    data: {
      workspaceId: ws.id,
      email: `inv-${ws.slug}@test.gaung`,
      role: 'VIEWER',
      tokenHash: hashToken(newSecretToken()),
      invitedById: ws.users.ADMIN.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const token = await prisma.apiToken.create({
    data: {
      workspaceId: ws.id,
      userId: ws.users.OWNER.id,
      name: 't',
      tokenHash: hashToken(newSecretToken()),
      roleCap: 'VIEWER',
    },
  });
  const keyDate = await prisma.keyDate.create({
    data: { workspaceId: ws.id, date: new Date('2027-05-01'), title: 'May Day', kind: 'RALLY' },
  });
  const webhook = await prisma.webhookEndpoint.create({
    data: {
      workspaceId: ws.id,
      url: 'http://127.0.0.1:9/hook',
      secretCiphertext: new Uint8Array([1]),
      secretKeyId: 'fixture-unopenable',
      events: ['TARGET_FAILED'],
    },
  });
  const media = await prisma.mediaAsset.create({
    data: {
      workspaceId: ws.id,
      uploadedById: author,
      kind: 'IMAGE',
      mimeType: 'image/png',
      byteSize: 1,
      storageKey: 'x',
      sha256: '0'.repeat(64),
    },
  });
  const notification = await prisma.notification.create({
    data: {
      workspaceId: ws.id,
      kind: 'TARGET_FAILED',
      subjectType: 'POST',
      subjectId: post.id,
      targetId: post.targets[0]!.id,
      params: { post: 'x', reason: 'x' },
    },
  });
  const partnerWorkspace = await prisma.workspace.create({
    data: { slug: `partner-${ws.slug}`, name: 'Partner', timeZone: 'Asia/Jakarta' },
  });
  const partnerCampaign = await prisma.campaign.create({
    data: { workspaceId: partnerWorkspace.id, name: 'Joint', timeZone: 'Asia/Jakarta' },
  });
  const partnership = await prisma.campaignPartner.create({
    data: { campaignId: partnerCampaign.id, workspaceId: ws.id, invitedById: ws.users.OWNER.id, status: 'INVITED' },
  });
  return {
    partnershipId: partnership.id,
    accountId: account.id,
    campaignId: campaign.id,
    postId: post.id,
    targetId: post.targets[0]!.id,
    commentId: comment.id,
    memberId: ws.users.VIEWER.id,
    invitationId: invitation.id,
    tokenId: token.id,
    keyDateId: keyDate.id,
    webhookId: webhook.id,
    mediaId: media.id,
    notificationId: notification.id,
  };
}
