import type { Response } from 'supertest';
import { z } from 'zod';

interface JsonSchema {
  $ref?: string;
  type?: string;
  items?: JsonSchema;
}
type Response$ = { $ref?: string; content?: Record<string, { schema?: JsonSchema }> };
export type OpenApiDocument = {
  paths: Record<string, Record<string, { responses: Record<string, Response$> }>>;
  components: { responses?: Record<string, Response$> };
};

/** The zod schema behind a component, found by the id it was named with. */
function namedSchema(ref: string): z.ZodType {
  const id = ref.replace('#/components/schemas/', '');
  const schema = z.globalRegistry._idmap.get(id);
  if (!schema) throw new Error(`No zod schema is named ${id}`);
  return schema as z.ZodType;
}

/** The zod schema the document promises for a route's answer with this status. */
export function documentedSchema(document: OpenApiDocument, method: string, path: string, status: number): z.ZodType {
  const answer = document.paths[path]?.[method]?.responses[String(status)];
  // Shared error answers are referenced from components.responses.
  const response = answer?.$ref
    ? document.components.responses?.[answer.$ref.replace('#/components/responses/', '')]
    : answer;
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} does not document a JSON answer with status ${status}`);
  if (schema.$ref) return namedSchema(schema.$ref);
  if (schema.type === 'array' && schema.items?.$ref) return z.array(namedSchema(schema.items.$ref));
  throw new Error(`${method.toUpperCase()} ${path} ${status}: expected a named schema or an array of one`);
}

/**
 * Checks a real answer against the route's documented schema: it parses (types, formats, required
 * fields), and encoding the parsed value gives the body back, so the body holds nothing undocumented.
 */
export function expectDocumented(document: OpenApiDocument, method: string, path: string, res: Response): void {
  const schema = documentedSchema(document, method, path, res.status);
  const parsed = schema.safeParse(res.body);
  if (!parsed.success)
    throw new Error(
      `${method.toUpperCase()} ${path} ${res.status} answered off its documented schema:\n${z.prettifyError(parsed.error)}`,
    );
  expect(z.encode(schema, parsed.data)).toEqual(res.body);
}
