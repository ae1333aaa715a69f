import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** The shape of every error response, documented once. */
export const ERROR_RESPONSE_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', example: 'invalid_input' },
        message: { type: 'string', example: 'Data yang dikirim tidak valid.' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
          },
        },
        requestId: { type: 'string' },
      },
    },
  },
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; details name each field',
  401: 'Not signed in, or the session was revoked or expired',
  403: 'Your role does not allow this action',
  404: 'Not found, or not in a workspace you belong to',
  409: 'Conflicts with the current state',
  422: 'Valid input that the rules refuse',
  429: 'Too many requests; retry later',
};

/** Documents the error responses a route can give, all with the shared error shape. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', schema: ERROR_RESPONSE_SCHEMA }),
    ),
  );
}
