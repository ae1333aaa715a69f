// Used only by the prisma CLI (generate, migrate). The application builds its own client in
// src/core/database; nothing here runs in the API or the worker.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { withWholeScripts } from './prisma/pg-name-type-workaround';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set');
    return withWholeScripts(new PrismaPg({ connectionString }));
  },
});
