import 'reflect-metadata';
import { loadConfigFromProcess } from '../core/config';
import { SecretBox } from '../core/crypto';
import { openPrismaClient } from '../core/database';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo-seed';

/** `node dist/cli/seed.js [--if-empty]`: loads the demo data (idempotent either way). */
async function main(): Promise<void> {
  const config = loadConfigFromProcess();
  const prisma = openPrismaClient(config.DATABASE_URL);
  try {
    if (process.argv.includes('--if-empty') && (await prisma.workspace.count()) > 0) return;
    const { seeded } = await seedDemo(prisma, new SecretBox(config), config.PUBLIC_BASE_URL);
    process.stdout.write(
      seeded
        ? `Demo data loaded. Sign in as owner|admin|coordinator|editor|viewer@kspi.demo (or @ksbsi.demo), password ${DEMO_PASSWORD}\n`
        : 'Demo data already present.\n',
    );
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${String(error)}\n`);
  process.exit(1);
});
