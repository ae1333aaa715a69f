import { type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule, type Role } from './app.module';
import type { AppConfig } from './core/config';
import { HttpExceptionFilter } from './core/errors';
import { buildOpenApiDocument, requestContextMiddleware } from './core/http';
import { JsonLogger } from './core/logging';

/** Builds the HTTP application (optionally with the worker in the same process); does not listen. */
export async function createApiApp(config: AppConfig, roles: Role[] = ['api']): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, roles), {
    logger: new JsonLogger(config.LOG_LEVEL),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestContextMiddleware);
  app.useBodyParser('json', { limit: '1mb' });
  // Media uploads arrive as raw bytes; MediaService enforces the per-kind size limits.
  app.useBodyParser('raw', { type: ['image/*', 'video/*', 'application/octet-stream'], limit: `${config.MEDIA_MAX_VIDEO_MB}mb` });
  app.useGlobalFilters(new HttpExceptionFilter());
  setUpOpenApi(app);
  return app;
}

/** Builds the worker alone: no HTTP server. */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, ['worker']), {
    logger: new JsonLogger(config.LOG_LEVEL),
  });
  return app;
}

function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
