import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { loadConfig } from '../core/config';
import { buildOpenApiDocument } from '../core/http';

/**
 * The API's OpenAPI document, built in-process without a server, a database or Redis: the routes
 * and their documentation do not depend on configuration, so placeholder settings do (nothing
 * connects). Production settings, so development-only routes stay out.
 */
export async function createOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgresql://openapi@127.0.0.1:9/openapi',
    REDIS_URL: 'redis://127.0.0.1:9',
    CREDENTIAL_KEYS: `openapi:${randomBytes(32).toString('base64')}`,
  });
  const app = await NestFactory.create(AppModule.forRoot(config, ['api']), { logger: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** Where `npm run openapi` writes the document: the web app's typed client is generated from it. */
export const OPENAPI_FILE = 'web/openapi.json';

/** The document as the committed file holds it. */
export const serializeOpenApi = (document: OpenAPIObject) => `${JSON.stringify(document, null, 2)}\n`;
