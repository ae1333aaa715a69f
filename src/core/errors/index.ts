export { AppError, COMMON, type ErrorDetail } from './app-error';
export { HttpExceptionFilter, sendError } from './http-exception.filter';
export { ZodValidationPipe } from './zod-validation.pipe';
export { detailsFromZod } from './zod-issues';
