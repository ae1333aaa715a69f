export { JsonLogger, type LogLevel } from './json-logger';
export { REDACTED, redact } from './redact';
export { requestContext, type RequestContext } from './request-context';
