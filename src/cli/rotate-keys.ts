import 'reflect-metadata';
import { rotateKeys } from '../accounts/key-rotation';
import { ConfigError, loadConfigFromProcess } from '../core/config';
import { SecretBox } from '../core/crypto';
import { openPrismaClient } from '../core/database';

/**
 * `npm run rotate-keys [-- --batch-size=N]`: re-seals every stored credential under the newest key
 * of CREDENTIAL_KEYS. Put the new key first, keep the old ones, run this, then remove the old keys.
 * Prints counts and ids only; exits 2 when some rows could not be opened with any configured key.
 */
async function main(): Promise<void> {
  const config = loadConfigFromProcess();
  const batchArg = process.argv.find((arg) => arg.startsWith('--batch-size='));
  const batchSize = batchArg ? Math.max(1, Math.min(10_000, Number(batchArg.split('=')[1]) || 200)) : 200;
  const prisma = openPrismaClient(config.DATABASE_URL);
  try {
    const report = await rotateKeys(prisma, new SecretBox(config), {
      batchSize,
      progress: (line) => process.stdout.write(`  ${line}\n`),
    });
    process.stdout.write(`Newest key: ${report.newestKeyId}\n`);
    process.stdout.write(
      `Connected accounts: ${report.accounts.resealed} re-sealed, ${report.accounts.current} already current, ${report.accounts.failed} failed\n`,
    );
    process.stdout.write(
      `Webhook endpoints: ${report.webhooks.resealed} re-sealed, ${report.webhooks.current} already current, ${report.webhooks.failed} failed\n`,
    );
    if (report.failedIds.length > 0) {
      process.stdout.write(
        `Could not open (no configured key fits, or the row was tampered with): ${report.failedIds.join(', ')}\n`,
      );
      process.exitCode = 2;
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Key rotation cannot start. ${error.message}\n`);
    process.exit(78); // EX_CONFIG, as at start-up
  }
  process.stderr.write(`Key rotation failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
