export { DatabaseModule } from './database.module';
export { PrismaService, type Tx } from './prisma.service';
export * from '../../generated/prisma/client';
