import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createOpenApiDocument, OPENAPI_FILE, serializeOpenApi } from './openapi-build';
import { openApiProblems } from './openapi-checks';

type Operation = { security?: Array<Record<string, string[]>>; 'x-min-role'?: string; 'x-signed-in'?: boolean };

const operations = (document: OpenAPIObject) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await createOpenApiDocument();
  }, 60_000);

  it('is valid OpenAPI 3.1, documents a success answer for every route and writes no schema out twice', async () => {
    expect(document.openapi).toBe('3.1.0');
    expect(await openApiProblems(document)).toEqual([]);
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['ApiError', 'Post', 'Calendar', 'Campaign', 'Me', 'Media']),
    );
  });

  it(`is what ${OPENAPI_FILE} holds (after a change to the API, run npm run openapi and commit the file)`, async () => {
    const committed = await readFile(join(__dirname, '../..', OPENAPI_FILE), 'utf8');
    expect(committed === serializeOpenApi(document)).toBe(true);
  });

  it('documents the public routes, and how signed-in routes authenticate: a bearer token or the session cookie', () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/ical/{file}',
        '/feeds/{workspaceSlug}/{file}',
        '/media/{mediaId}/{signature}',
        '/metrics',
        '/health/live',
        '/health/ready',
      ]),
    );
    expect(document.components?.securitySchemes?.session).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: '__Host-gaung_session',
    });
    for (const { path, method, op } of operations(document)) {
      const signedIn = op['x-min-role'] !== undefined || op['x-signed-in'] === true;
      const schemes = (op.security ?? []).flatMap((requirement) => Object.keys(requirement)).sort();
      expect({ route: `${method} ${path}`, schemes }).toEqual({
        route: `${method} ${path}`,
        schemes: signedIn ? ['bearer', 'session'] : path === '/metrics' ? ['operator'] : [],
      });
    }
  });
});

describe('the document checks', () => {
  const base = {
    info: { title: 't', version: '1' },
    components: { schemas: { Thing: { type: 'object', properties: { id: { type: 'string' } } } } },
  };
  const ok = { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } };

  it('accept a small valid document', async () => {
    expect(
      await openApiProblems({
        ...base,
        openapi: '3.1.0',
        paths: { '/a': { get: { responses: { 200: ok } } } },
      } as never),
    ).toEqual([]);
  });

  it('report 3.1 keywords in a 3.0 document, a route without a success answer, and a component written out inline', async () => {
    const problems = await openApiProblems({
      ...base,
      openapi: '3.0.0',
      paths: {
        '/null': {
          get: {
            responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'null' } } } } },
          },
        },
        '/none': { get: { responses: { 404: { description: 'missing' } } } },
        '/inline': {
          get: {
            responses: {
              200: { description: 'ok', content: { 'application/json': { schema: base.components.schemas.Thing } } },
            },
          },
        },
      },
    } as never);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^validator: /),
        'GET /none: no 2xx response documented',
        expect.stringMatching(/the Thing schema is written out instead of referenced/),
      ]),
    );
  });
});
