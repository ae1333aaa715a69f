import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openApiProblems } from './openapi-checks';
import { createOpenApiDocument, OPENAPI_FILE, serializeOpenApi } from './openapi-build';

/**
 * `npm run openapi [file]`: writes the API's OpenAPI document (default web/openapi.json, which the
 * web app's typed client is generated from) and exits 1 if it is not valid.
 */
async function main(): Promise<void> {
  const file = process.argv[2] ?? OPENAPI_FILE;
  const document = await createOpenApiDocument();
  const text = serializeOpenApi(document);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  const problems = await openApiProblems(document);
  const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  process.stdout.write(
    `${file}: OpenAPI ${document.openapi}, ${operations} operations, ${Object.keys(document.components?.schemas ?? {}).length} schemas, ` +
      `${Buffer.byteLength(text)} bytes (${Buffer.byteLength(JSON.stringify(document))} minified), ${problems.length} problems\n`,
  );
  for (const problem of problems) process.stderr.write(`  ${problem}\n`);
  process.exit(problems.length ? 1 : 0);
}

void main();
