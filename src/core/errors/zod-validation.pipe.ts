import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { AppError, COMMON } from './app-error';
import { detailsFromZod } from './zod-issues';

/** Validates and converts a body, query or param with a zod schema; a 400 with per-field details otherwise. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw AppError.badRequest('invalid_input', COMMON.invalidInput, {}, detailsFromZod(result.error.issues));
  }
}
