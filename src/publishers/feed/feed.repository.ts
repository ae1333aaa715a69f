import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database';

/** How many entries a feed shows, newest first. */
const ENTRIES = 50;

/** The Atom feeds' reads: a FEED account's workspace slug, the account behind a feed address, its entries. */
@Injectable()
export class FeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  async workspaceSlug(workspaceId: string): Promise<string | null> {
    const workspace = await this.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { slug: true } });
    return workspace?.slug ?? null;
  }

  /**
   * The live FEED account a public feed address names. The address carries the workspace's slug, not
   * its id: the reader is anonymous, and the account's feed token (checked by the caller) guards it.
   */
  findFeedAccount(workspaceSlug: string, accountId: string) {
    return this.prisma.connectedAccount.findFirst({
      where: { id: accountId, platform: 'FEED', status: { not: 'DISABLED' }, workspace: { slug: workspaceSlug } },
      select: { id: true, displayName: true, settings: true, updatedAt: true },
    });
  }

  /** The account's published deliveries, newest first, with their post's text and media. */
  publishedEntries(accountId: string) {
    return this.prisma.postTarget.findMany({
      where: { accountId, state: 'PUBLISHED' },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: ENTRIES,
      select: {
        id: true,
        text: true,
        publishedAt: true,
        post: {
          select: {
            title: true,
            baseText: true,
            media: {
              orderBy: { position: 'asc' },
              select: { media: { select: { id: true, mimeType: true, byteSize: true, altText: true } } },
            },
          },
        },
      },
    });
  }
}
