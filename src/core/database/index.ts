export { DatabaseModule } from './database.module';
export { PrismaService, type Tx } from './prisma.service';
export { openPrismaClient } from './serial-transactions';
export * from '../../generated/prisma/client';
