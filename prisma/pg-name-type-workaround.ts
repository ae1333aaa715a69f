// Workaround for prisma/orm#27403: with @prisma/adapter-pg 6.x, `prisma migrate` fails with
// "Column type 'name' could not be deserialized from the database". Postgres catalog columns of
// type `name` (oid 19) and `char` (oid 18) are reported to the adapter as text (oid 25) instead.
// Loaded only by prisma.config.ts (the CLI), never by the application. Remove with Prisma 7.
import { createRequire } from 'node:module';

const requireFromHere = createRequire(__filename);
const Result = requireFromHere('pg/lib/result') as {
  prototype: { addFields(fields: Array<{ dataTypeID: number }>): void };
};
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

const originalAddFields = Result.prototype.addFields;
Result.prototype.addFields = function addFields(fields) {
  for (const field of fields) {
    if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return originalAddFields.call(this, fields);
};

// Second CLI-only fix (withWholeScripts, applied in prisma.config.ts): the adapter's executeScript,
// which `prisma migrate` uses to apply a migration, splits the script at every ';' and so cuts a
// PL/pgSQL function body (gaung_claim) apart. The simple query protocol runs a whole
// multi-statement script in one call, so send it whole.
interface ScriptRunner {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
}
interface AdapterFactory {
  connect(...args: unknown[]): Promise<ScriptRunner>;
  connectToShadowDb?(...args: unknown[]): Promise<ScriptRunner>;
}

export function withWholeScripts<T extends object>(factory: T): T {
  const adapters = factory as unknown as AdapterFactory;
  for (const method of ['connect', 'connectToShadowDb'] as const) {
    const original = adapters[method]?.bind(adapters);
    if (!original) continue;
    adapters[method] = async (...args: unknown[]) => {
      const adapter = await original(...args);
      adapter.executeScript = async (script) => {
        try {
          await adapter.client.query(script);
        } catch (error) {
          adapter.onError(error);
        }
      };
      return adapter;
    };
  }
  return factory;
}
