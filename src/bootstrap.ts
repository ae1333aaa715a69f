import { type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { AppModule, type Role } from './app.module';
import type { AppConfig } from './core/config';
import { HttpExceptionFilter } from './core/errors';
import {
  applySecurityHeaders,
  buildOpenApiDocument,
  jsonBodyMiddleware,
  requestContextMiddleware,
  urlTextMiddleware,
} from './core/http';
import { JsonLogger } from './core/logging';
import { MEDIA_UPLOAD_ROUTE } from './media/media.controller';

/** Builds the HTTP application (optionally with the worker in the same process); does not listen. */
export async function createApiApp(config: AppConfig, roles: Role[] = ['api']): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, roles), {
    logger: new JsonLogger(config.LOG_LEVEL),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  // Off unless TRUST_PROXY names the proxy: otherwise any client could pick its address (README, Proxies).
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(requestContextMiddleware);
  applySecurityHeaders(app, config.CORS_ORIGINS);
  app.use(urlTextMiddleware);
  // The browser's session cookie (src/auth/browser-session.ts); unsigned: the value is itself a secret.
  app.use(cookieParser());
  // Every body is JSON under one limit, except the media upload, which streams to disk (MediaService).
  app.use(jsonBodyMiddleware({ limitBytes: config.JSON_BODY_LIMIT_KB * 1024, rawRoutes: [MEDIA_UPLOAD_ROUTE] }));
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
