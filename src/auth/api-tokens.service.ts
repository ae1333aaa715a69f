import { Injectable } from '@nestjs/common';
import { accessActor, AuditService } from '../core/audit';
import { hashToken, newSecretToken } from '../core/crypto';
import { PrismaService, type Role } from '../core/database';
import { AppError } from '../core/errors';
import { AUTH_TEXT } from './auth.messages';
import type { WorkspaceAccess } from './auth-context';
import { CredentialsRepository } from './credentials.repository';
import { API_TOKEN_PREFIX } from './guards';
import { roleAtLeast } from './roles';

/** Personal API tokens for automation: one workspace, a role cap, shown once, stored hashed. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly credentials: CredentialsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(access: WorkspaceAccess, input: { name: string; roleCap: Role; expiresInDays?: number }) {
    if (!roleAtLeast(access.role, input.roleCap))
      throw AppError.forbidden('role_cap_too_high', AUTH_TEXT.roleCapTooHigh);
    const token = newSecretToken(API_TOKEN_PREFIX);
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    const created = await this.prisma.$transaction(async (tx) => {
      const row = await this.credentials.createApiToken(tx, access.workspaceId, {
        userId: access.userId,
        name: input.name,
        tokenHash: hashToken(token),
        roleCap: input.roleCap,
        expiresAt,
      });
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'api_token.created',
        subjectType: 'api_token',
        subjectId: row.id,
        summary: { name: input.name, roleCap: input.roleCap },
      });
      return row;
    });
    return { id: created.id, name: created.name, roleCap: created.roleCap, expiresAt, token };
  }

  list(access: WorkspaceAccess) {
    return this.credentials.listApiTokens(access.workspaceId, access.userId);
  }

  async revoke(access: WorkspaceAccess, tokenId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const revoked = await this.credentials.revokeApiToken(tx, access.workspaceId, access.userId, tokenId, new Date());
      if (revoked === 0) throw AppError.notFound(AUTH_TEXT.apiToken);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'api_token.revoked',
        subjectType: 'api_token',
        subjectId: tokenId,
      });
    });
  }
}
