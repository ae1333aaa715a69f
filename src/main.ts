import 'reflect-metadata';
import type { Role } from './app.module';
import { createApiApp, createWorkerApp } from './bootstrap';
import { ConfigError, loadConfigFromProcess, type AppConfig } from './core/config';
import { JsonLogger } from './core/logging';

/** `node dist/main.js [api|worker|all]`: all (the default) runs both in one process. */
async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'all';
  if (!['api', 'worker', 'all'].includes(mode)) {
    process.stderr.write(`Unknown mode "${mode}". Use: api, worker or all.\n`);
    process.exit(2);
  }
  let config: AppConfig;
  try {
    config = loadConfigFromProcess();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Gaung cannot start. ${error.message}\nSee .env.example for every variable.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = new JsonLogger(config.LOG_LEVEL);
  if (mode === 'worker') {
    await createWorkerApp(config);
    logger.log({ msg: 'worker started' }, 'Main');
    return;
  }
  const roles: Role[] = mode === 'all' ? ['api', 'worker'] : ['api'];
  const app = await createApiApp(config, roles);
  await app.listen(config.PORT);
  logger.log({ msg: `Gaung ${mode} listening`, url: config.PUBLIC_BASE_URL, port: config.PORT }, 'Main');
}

void main();
