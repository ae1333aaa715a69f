export { ApiErrors, ERROR_RESPONSE_SCHEMA } from './api-errors';
export { requestContextMiddleware } from './request-context.middleware';
export {
  BOUNDED_YEAR_MESSAGE,
  DATE_INPUT_YEARS,
  isBoundedInstant,
  isIanaZone,
  startsWithBoundedYear,
  zEmail,
  zIanaZone,
  zInstant,
  zLocalDate,
  zLocale,
  zName,
  zPassword,
  zUuid,
} from './zod-types';
export { ApiZodBody, ApiZodQuery, openApiSchema, ZodBody, ZodQuery } from './zod-openapi';
export { isOperator, OperatorGuard, operatorMiddleware, OPERATOR_USER } from './operator-auth';
export { jsonBodyMiddleware, type RawBodyRoute } from './json-body.middleware';
export { declaredLength, hasBody, payloadTooLarge, streamBody, unsupportedContentType } from './request-body';
export { findUnacceptableText, isAcceptableText, urlTextMiddleware, withoutUnacceptableText } from './text-checks';
export { APP_CSP, applySecurityHeaders, INLINE_STYLE_CSP } from './security-headers';
