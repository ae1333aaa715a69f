import { Injectable } from '@nestjs/common';
import { PrismaService } from '../core/database';

/** The readiness probe's database round trip. */
@Injectable()
export class HealthRepository {
  constructor(private readonly prisma: PrismaService) {}

  async ping(): Promise<void> {
    // Raw SQL: the probe asks only whether Postgres answers; no table or model is involved.
    await this.prisma.$queryRaw`SELECT 1`;
  }
}
