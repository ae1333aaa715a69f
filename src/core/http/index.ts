export { ApiErrors, ERROR_RESPONSE_SCHEMA } from './api-errors';
export { requestContextMiddleware } from './request-context.middleware';
export { ApiZodBody, ApiZodQuery, openApiSchema, ZodBody, ZodQuery } from './zod-openapi';
