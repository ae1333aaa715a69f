import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { checkKeysBeforeStart } from './accounts/stored-keys';
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
    await checkKeysBeforeStart(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Gaung cannot start. ${error.message}\nSee .env.example for every variable.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = new JsonLogger(config.LOG_LEVEL);
  if (mode === 'worker') {
    stopGracefully(await createWorkerApp(config), logger);
    logger.log({ msg: 'worker started' }, 'Main');
    return;
  }
  const roles: Role[] = mode === 'all' ? ['api', 'worker'] : ['api'];
  const app = await createApiApp(config, roles);
  await app.listen(config.PORT);
  stopGracefully(app, logger);
  logger.log({ msg: `Gaung ${mode} listening`, url: config.PUBLIC_BASE_URL, port: config.PORT }, 'Main');
}

/**
 * On SIGTERM or SIGINT: stop taking requests, let the workers finish (or return) their jobs, close
 * connections, then exit 0. A second signal exits at once.
 */
function stopGracefully(app: INestApplicationContext, logger: JsonLogger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log({ msg: 'stopping', signal }, 'Main');
    app.close().then(
      () => {
        logger.log({ msg: 'stopped' }, 'Main');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ msg: 'stopped with an error', err: error }, 'Main');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
