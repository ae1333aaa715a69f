export {
  zAccountStatus,
  zCommentKind,
  zDeliveryState,
  zKeyDateKind,
  zLatePolicy,
  zNotificationKind,
  zNotificationSubject,
  zPartnershipStatus,
  zPlatform,
  zPostStatus,
  zRole,
} from './api-enums';
export { ApiErrors, apiErrorSchema } from './api-errors';
export { BEARER_SCHEME, buildOpenApiDocument, OPERATOR_SCHEME, SESSION_COOKIE_SCHEME } from './openapi-document';
export { CSRF_COOKIE, CSRF_HEADER, SECURE_COOKIE_PREFIX, SESSION_COOKIE } from './session-cookies';
export { requestContextMiddleware } from './request-context.middleware';
export {
  BOUNDED_YEAR_MESSAGE,
  changesSomething,
  DATE_INPUT_YEARS,
  isBoundedInstant,
  isIanaZone,
  NOTHING_TO_CHANGE,
  startsWithBoundedYear,
  zEmail,
  zIanaZone,
  zInstant,
  zLocalDate,
  zLocale,
  zName,
  zPassword,
  zTimestamp,
  zUuid,
} from './zod-types';
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
export { jsonBodyMiddleware, type RawBodyRoute } from './json-body.middleware';
export { declaredLength, hasBody, payloadTooLarge, streamBody, unsupportedContentType } from './request-body';
export { findUnacceptableText, isAcceptableText, urlTextMiddleware, withoutUnacceptableText } from './text-checks';
export { APP_CSP, applySecurityHeaders, INLINE_STYLE_CSP } from './security-headers';
