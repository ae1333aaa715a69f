import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { shareErrorResponses } from './api-errors';
import { CSRF_COOKIE, CSRF_HEADER, SECURE_COOKIE_PREFIX, SESSION_COOKIE } from './session-cookies';
import { componentSchemas } from './zod-openapi';

/** Security scheme names used by the route decorators (src/auth/decorators.ts). */
export const BEARER_SCHEME = 'bearer';
export const SESSION_COOKIE_SCHEME = 'session';
export const OPERATOR_SCHEME = 'operator';

/**
 * The API's OpenAPI 3.1 document: served at /docs-json, written to web/openapi.json by
 * `npm run openapi` for the web app's typed client, and validated by src/cli/openapi.spec.ts.
 * Schemas are JSON Schema 2020-12 from zod; every named schema is one component, referenced by $ref.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Gaung API')
    .setDescription(
      'Social media campaign scheduler for trade-union communicators. Errors share one shape ' +
        "(the ApiError schema); messages follow the user's locale or Accept-Language (id, en). " +
        'Instants are ISO 8601 strings; wall-clock times come with an IANA zone.',
    )
    .setVersion('0.1.0')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'A session token (gs_...) from POST /auth/login, or a personal API token (gat_...) bound to one workspace',
      },
      BEARER_SCHEME,
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: "The operators' OPERATOR_TOKEN (metrics)" },
      OPERATOR_SCHEME,
    )
    .addCookieAuth(
      `${SECURE_COOKIE_PREFIX}${SESSION_COOKIE}`,
      {
        type: 'apiKey',
        in: 'cookie',
        name: `${SECURE_COOKIE_PREFIX}${SESSION_COOKIE}`,
        description:
          `The web app's httpOnly session cookie, set by POST /auth/login with {"session": "cookie"} ` +
          `(named ${SESSION_COOKIE} when served over plain http in development). Every request with ` +
          `this cookie other than GET, HEAD and OPTIONS must also send the header ${CSRF_HEADER} ` +
          `with the value of the readable ${SECURE_COOKIE_PREFIX}${CSRF_COOKIE} cookie (${CSRF_COOKIE} ` +
          'over plain http), and must not be cross-site; otherwise it is refused with 403.',
      },
      SESSION_COOKIE_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = { ...document.components?.schemas, ...componentSchemas() };
  document.components = {
    ...document.components,
    schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    responses: shareErrorResponses(document.paths),
  };
  return document;
}
