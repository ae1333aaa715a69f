import { Injectable } from '@nestjs/common';
import { PrismaService } from '../core/database';
import type { OtherDeliveries } from '../publishers';

/** The delivery a look-up runs for: its id, and the account (and workspace) it delivers to. */
export interface LookupScope {
  targetId: string;
  workspaceId: string;
  accountId: string;
}

/**
 * What a publisher's look-up may ask about the account's other deliveries (OtherDeliveries in
 * src/publishers/publisher.ts), so that it never takes another delivery's post for its own.
 * Queried only when a look-up found a match. An account's deliveries are in its own workspace.
 */
@Injectable()
export class OtherDeliveriesRepository {
  constructor(private readonly prisma: PrismaService) {}

  of(scope: LookupScope): OtherDeliveries {
    return {
      taken: async (externalIds) => {
        if (externalIds.length === 0) return new Set<string>();
        const rows = await this.prisma.postTarget.findMany({
          where: {
            workspaceId: scope.workspaceId,
            accountId: scope.accountId,
            id: { not: scope.targetId },
            externalId: { in: externalIds },
          },
          select: { externalId: true },
        });
        return new Set(rows.flatMap((row) => (row.externalId ? [row.externalId] : [])));
      },
      unresolvedTwin: async (text, mediaCount) => {
        // Raw SQL: the delivery's text is the target's own or its post's, and the media are counted per post.
        const rows = await this.prisma.$queryRaw<Array<{ twin: boolean }>>`
          SELECT EXISTS (
            SELECT 1 FROM "PostTarget" t JOIN "Post" p ON p.id = t."postId"
             WHERE t."workspaceId" = ${scope.workspaceId}::uuid AND t."accountId" = ${scope.accountId}::uuid
               AND t.id <> ${scope.targetId}::uuid AND t.state = 'UNCONFIRMED' AND t."externalId" IS NULL
               AND COALESCE(t.text, p."baseText") = ${text}
               AND (SELECT count(*) FROM "PostMedia" pm WHERE pm."postId" = p.id) = ${mediaCount}::int
          ) AS twin`;
        return rows[0]?.twin ?? false;
      },
    };
  }
}
