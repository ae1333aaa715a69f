import { type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { AppModule, type Role } from './app.module';
import type { AppConfig } from './core/config';
import { HttpExceptionFilter } from './core/errors';
import { requestContextMiddleware } from './core/http';
import { JsonLogger } from './core/logging';

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
  // The browser's session cookie (src/auth/browser-session.ts); unsigned: the value is itself a secret.
  app.use(cookieParser());
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
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gaung API')
      .setDescription(
        'Social media campaign scheduler for trade-union communicators. Errors share one shape ' +
          '({ error: { code, message, details, requestId } }); messages follow the user\'s locale or Accept-Language (id, en).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
