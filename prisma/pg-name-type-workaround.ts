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
