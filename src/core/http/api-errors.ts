import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { openApiSchema } from './zod-openapi';

/** The shape of every error response (see core/errors/http-exception.filter.ts), one component in the document. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine code', example: 'invalid_input' }),
      message: z.string().meta({ description: "In the user's language (profile, else Accept-Language, else id)", example: 'Data yang dikirim tidak valid.' }),
      details: z
        .array(z.object({ field: z.string().optional(), code: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'One entry per invalid field' }),
      requestId: z.string().optional().meta({ description: 'Also in the X-Request-Id header; quote it when reporting a problem' }),
    }),
  })
  .meta({ id: 'ApiError' });

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; details name each field',
  401: 'Not signed in, or the session was revoked or expired',
  403: 'Your role does not allow this action',
  404: 'Not found, or not in a workspace you belong to',
  409: 'Conflicts with the current state',
  413: 'The body is too large',
  415: 'Unsupported media type',
  422: 'Valid input that the rules refuse',
  429: 'Too many requests; retry later',
};

/** Documents the error responses a route can give, all with the shared error shape. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', schema: openApiSchema(apiErrorSchema) }),
    ),
  );
}
