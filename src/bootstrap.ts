import type { Server } from 'node:http';
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
  keepIdleConnectionsLongerThanClients(app.getHttpServer() as Server);
  return app;
}

const IDLE_KEEP_ALIVE_MS = 65_000;

/**
 * Node closes an idle keep-alive connection after 5 s; a client (a browser, a proxy, a script's
 * connection pool) that reuses it in that instant gets ECONNRESET on a request the server never
 * read. Clients and proxies keep idle connections up to about 60 s, so the server keeps them longer
 * and the client always closes first.
 */
function keepIdleConnectionsLongerThanClients(server: Server): void {
  server.keepAliveTimeout = IDLE_KEEP_ALIVE_MS;
  server.headersTimeout = IDLE_KEEP_ALIVE_MS + 1_000;
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
