import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;

/** Inline schemas at least this long (serialized) must not repeat: name them instead. */
const REPEAT_THRESHOLD_CHARS = 120;

/**
 * What is wrong with the document, empty when nothing: what a standard validator reports, routes
 * without a documented success answer, and schemas written out more than once instead of referenced.
 */
export async function openApiProblems(document: OpenAPIObject): Promise<string[]> {
  return [...(await validatorErrors(document)), ...undocumentedSuccesses(document), ...repeatedSchemas(document)];
}

/** swagger-parser's findings (it resolves every $ref too); it changes what it is given, hence the copy. */
async function validatorErrors(document: OpenAPIObject): Promise<string[]> {
  try {
    await SwaggerParser.validate(structuredClone(document) as never);
    return [];
  } catch (error) {
    const details = (error as { details?: Array<{ instancePath?: string; message?: string }> }).details;
    if (!details) return [`validator: ${(error as Error).message}`];
    return details.map((detail) => `validator: ${detail.instancePath ?? ''} ${detail.message ?? ''}`);
  }
}

/** Every operation documents a 2xx answer, and each 2xx answer other than 204 has a body schema. */
function undocumentedSuccesses(document: OpenAPIObject): string[] {
  const problems: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, { responses?: Record<string, Json> }>)) {
      const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) problems.push(`${method.toUpperCase()} ${path}: no 2xx response documented`);
      for (const [status, response] of successes) {
        if (status === '204') continue;
        const content = (response.content ?? {}) as Record<string, { schema?: Json }>;
        const schemas = Object.values(content).map((media) => media.schema);
        if (schemas.length === 0 || schemas.some((schema) => !schema))
          problems.push(`${method.toUpperCase()} ${path}: ${status} has no body schema`);
      }
    }
  }
  return problems;
}

/** Components written out inline, and long inline schemas that appear more than once. */
function repeatedSchemas(document: OpenAPIObject): string[] {
  const components = Object.entries(document.components?.schemas ?? {}).map(
    ([id, schema]) => [id, JSON.stringify(schema)] as const,
  );
  const seen = new Map<string, number>();
  const problems: string[] = [];
  const visit = (node: unknown, where: string, isComponentRoot = false) => {
    if (!node || typeof node !== 'object') return;
    if (!isComponentRoot && !Array.isArray(node) && ('type' in node || 'properties' in node || 'anyOf' in node)) {
      const text = JSON.stringify(node);
      const component = components.find(([, body]) => body === text);
      if (component) problems.push(`${where}: the ${component[0]} schema is written out instead of referenced`);
      if (text.length >= REPEAT_THRESHOLD_CHARS) seen.set(text, (seen.get(text) ?? 0) + 1);
    }
    for (const [key, child] of Object.entries(node)) visit(child, `${where}/${key}`);
  };
  visit(document.paths, '#/paths');
  for (const [id, schema] of Object.entries(document.components?.schemas ?? {}))
    visit(schema, `#/components/schemas/${id}`, true);
  for (const [text, count] of seen)
    if (count > 1) problems.push(`an inline schema appears ${count} times (name it): ${text.slice(0, 100)}...`);
  return problems;
}
