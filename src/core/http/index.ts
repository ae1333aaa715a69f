export { ApiErrors, ERROR_RESPONSE_SCHEMA } from './api-errors';
export { requestContextMiddleware } from './request-context.middleware';
export { isIanaZone, zEmail, zIanaZone, zInstant, zLocale, zName, zPassword, zUuid } from './zod-types';
export { ApiZodBody, ApiZodQuery, openApiSchema, ZodBody, ZodQuery } from './zod-openapi';
export { isOperator, OperatorGuard, operatorMiddleware, OPERATOR_USER } from './operator-auth';
