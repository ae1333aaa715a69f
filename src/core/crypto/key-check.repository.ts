import type { PrismaClient } from '../database';

/**
 * The check values of credential keys (one row per key id). Built over a Prisma client rather than
 * injected: the check runs before the app starts, and from the key rotation command.
 */
export class KeyCheckRepository {
  constructor(private readonly prisma: PrismaClient) {}

  find(keyId: string) {
    return this.prisma.credentialKeyCheck.findUnique({ where: { keyId } });
  }

  /** Records a check value unless one exists (two processes starting together: the first written wins), then reads it. */
  async recordOnce(keyId: string, ciphertext: Uint8Array<ArrayBuffer>) {
    await this.prisma.credentialKeyCheck.createMany({ data: [{ keyId, ciphertext }], skipDuplicates: true });
    return this.prisma.credentialKeyCheck.findUniqueOrThrow({ where: { keyId } });
  }

  /** Forgets the check values of every key id but `keep`. */
  async forgetAllBut(keep: string[]): Promise<void> {
    await this.prisma.credentialKeyCheck.deleteMany({ where: { keyId: { notIn: keep } } });
  }
}
