import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { type Prisma, PrismaClient } from '../../generated/prisma/client';
import { APP_CONFIG, type AppConfig } from '../config';
import { withSerialTransactions } from './serial-transactions';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  /** The connection pool under Prisma's driver adapter, shared with hotStatement. */
  private readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const pool = new Pool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_SIZE });
    super({ adapter: withSerialTransactions(new PrismaPg(pool, { disposeExternalPool: true })) });
    this.pool = pool;
  }

  /**
   * Runs one self-contained statement (autocommit) on Prisma's own pool, without the client's
   * per-query planning and per-value result conversion, which cost about 0.35 ms of CPU per
   * statement against 0.15 ms for the driver alone, and more for large results. Only for hot paths
   * measured in docs/benchmarks.md: the publishing engine's per-publish statements (B1) and the
   * calendar page (B2). Rows come back as the pg driver types them (json parsed, timestamptz as Date).
   */
  async hotStatement<Row>(statement: Prisma.Sql): Promise<Row[]> {
    const result = await this.pool.query(statement.text, statement.values);
    return result.rows as Row[];
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

/** A Prisma transaction client, for repository methods that take part in a caller's transaction. */
export type Tx = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];
