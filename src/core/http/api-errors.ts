import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type OperationObject, type PathsObject, type ResponseObject } from '@nestjs/swagger';
import { z } from 'zod';
import { openApiSchema } from './zod-openapi';

/** The shape of every error response (see core/errors/http-exception.filter.ts), one component in the document. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine code', example: 'invalid_input' }),
      message: z.string().meta({
        description: "In the user's language (profile, else Accept-Language, else id)",
        example: 'Data yang dikirim tidak valid.',
      }),
      details: z
        .array(
          z.object({ field: z.string().optional(), code: z.string(), message: z.string() }).catchall(z.string()).meta({
            description:
              'Further plain facts about what the detail is about, e.g. accountId, accountName and platform of a post target',
          }),
        )
        .optional()
        .meta({ description: 'One entry per invalid field' }),
      requestId: z
        .string()
        .optional()
        .meta({ description: 'Also in the X-Request-Id header; quote it when reporting a problem' }),
    }),
  })
  .meta({ id: 'ApiError' });

/** The error answers routes share, each one component of the document (components.responses). */
const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'Invalid input; details name each field' },
  401: { name: 'Unauthorized', description: 'Not signed in, or the session was revoked or expired' },
  403: { name: 'Forbidden', description: 'Your role does not allow this action' },
  404: { name: 'NotFound', description: 'Not found, or not in a workspace you belong to' },
  409: { name: 'Conflict', description: 'Conflicts with the current state' },
  413: { name: 'PayloadTooLarge', description: 'The body is too large' },
  415: { name: 'UnsupportedMediaType', description: 'Unsupported media type' },
  422: { name: 'UnprocessableContent', description: 'Valid input that the rules refuse' },
  429: { name: 'TooManyRequests', description: 'Too many requests; retry later' },
};

/** Documents the error responses a route can give, all with the shared error shape. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_RESPONSES[status]?.description ?? 'Error',
        schema: openApiSchema(apiErrorSchema),
      }),
    ),
  );
}

/**
 * Moves the shared error answers into components.responses and refers to them from each route,
 * so the document states each one once instead of on every route.
 */
export function shareErrorResponses(paths: PathsObject): Record<string, ResponseObject> {
  const shared: Record<string, ResponseObject> = {};
  const errorSchema = JSON.stringify(openApiSchema(apiErrorSchema));
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item) as OperationObject[]) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const common = ERROR_RESPONSES[Number(status)];
        if (!common || !response || !('description' in response) || response.description !== common.description)
          continue;
        if (JSON.stringify(response.content?.['application/json']?.schema) !== errorSchema) continue;
        shared[common.name] = response;
        operation.responses[status] = { $ref: `#/components/responses/${common.name}` };
      }
    }
  }
  return shared;
}
