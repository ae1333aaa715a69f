export {
  zAccountStatus,
  zCommentKind,
  zDeliveryState,
  zKeyDateKind,
  zLatePolicy,
  zNotificationKind,
  zPartnershipStatus,
  zPlatform,
  zPostStatus,
  zRole,
} from './api-enums';
export { ApiErrors, apiErrorSchema } from './api-errors';
export { BEARER_SCHEME, buildOpenApiDocument, OPERATOR_SCHEME, SESSION_COOKIE_SCHEME } from './openapi-document';
export { requestContextMiddleware } from './request-context.middleware';
export { isIanaZone, zEmail, zIanaZone, zInstant, zLocale, zName, zPassword, zTimestamp, zUuid } from './zod-types';
export {
  ApiContentResponse,
  ApiNoContent,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  componentSchemas,
  openApiSchema,
  ZodBody,
  ZodQuery,
} from './zod-openapi';
export { isOperator, OperatorGuard, operatorMiddleware, OPERATOR_USER } from './operator-auth';
