import { applyDecorators, Body, Query } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodValidationPipe } from '../errors';

type JsonSchema = Record<string, unknown>;

/**
 * How the document refers to a named schema. A schema is named with `.meta({ id: 'Post' })` (zod's
 * global registry); it then appears once under components.schemas and as a $ref everywhere else.
 */
const componentRef = (id: string) => `#/components/schemas/${id}`;

// Requests are documented as clients send them and responses as they travel (a zTimestamp is an
// ISO string on the wire), which is zod's "input" side in both cases.
const CONVERSION = { io: 'input', unrepresentable: 'any' } as const;

/** Every named schema as an OpenAPI 3.1 component (JSON Schema 2020-12), referring to each other by $ref. */
export function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { ...CONVERSION, uri: componentRef });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, json]) => {
      const { $id: _id, $schema: _schema, ...schema } = json as JsonSchema;
      return [id, schema];
    }),
  );
}

/** The OpenAPI schema of a zod schema: a $ref when it is named, else inline with $refs to the named parts. */
export function openApiSchema(schema: z.ZodType): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: componentRef(id) };
  const { $schema: _schema, $defs: _defs, ...json } = z.toJSONSchema(schema, CONVERSION) as JsonSchema;
  // Named parts were extracted into $defs; they live in components.schemas instead.
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
}

/** Documents a request body with its zod schema (use with @ZodBody(schema) on the parameter). */
export function ApiZodBody(schema: z.ZodType) {
  return applyDecorators(ApiBody({ schema: openApiSchema(schema) }));
}

/** Documents every property of a zod object schema as a query parameter. */
export function ApiZodQuery(schema: z.ZodObject) {
  const json = openApiSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: property }),
    ),
  );
}

type Returns<T> = (...args: never[]) => T | Promise<T>;

/**
 * Documents a JSON response with a zod schema, and makes the compiler check that the handler returns
 * that shape (its Dates as zTimestamp): the document cannot promise what the code does not return.
 */
export function ApiZodResponse<S extends z.ZodType>(status: number, schema: S, description = 'Success') {
  const decorator = ApiResponse({ status, description, schema: openApiSchema(schema) });
  return <F extends Returns<z.output<S>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<F>,
  ): void => {
    decorator(target, key, descriptor);
  };
}

/** Documents a 204 answer without a body. */
export function ApiNoContent(description = 'Done; no content') {
  return ApiResponse({ status: 204, description });
}

/** Documents a non-JSON answer (an iCal file, an Atom feed, metrics, media bytes). */
export function ApiContentResponse(
  status: number,
  description: string,
  mediaTypes: string[],
  schema: JsonSchema = { type: 'string' },
) {
  return ApiResponse({
    status,
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema }])),
  });
}

export const ZodBody = (schema: z.ZodType) => Body(new ZodValidationPipe(schema));
export const ZodQuery = (schema: z.ZodType) => Query(new ZodValidationPipe(schema));
