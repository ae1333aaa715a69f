import fc from 'fast-check';

/** One seed for every fuzz pass: a failure reproduces exactly. */
export const FUZZ_SEED = 20_261_130;

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
};

/** Values that broke or could break a layer below validation: bad text, odd dates and numbers, wrong types. */
export const NASTY_VALUES: unknown[] = [
  '\u0000',
  'teks\u0000nul',
  'a\ud800b',
  '\udc00',
  '',
  ' ',
  'x'.repeat(5_000),
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '2027-02-31T09:00:00+07:00',
  '9999-12-31T23:59',
  '0000-00-00',
  'not-a-date_not-an-id',
  '00000000-0000-0000-0000-000000000000',
  1e308,
  -1,
  0,
  2 ** 63,
  -(2 ** 53),
  0.5,
  true,
  null,
  [],
  {},
  ['a', 1],
  { nested: { deeper: ['\u0000'] } },
];

/** Never an address outside loopback: fuzzed text is kept from looking like a URL. */
const text = fc.string({ maxLength: 40, unit: 'binary' }).map((s) => s.replace(/:\/\//g, ':/'));
const nasty = fc.constantFrom(...NASTY_VALUES);

/**
 * Bodies shaped like a route's documented schema, with any field replaced now and then by a nasty
 * value or a random one of its type: most requests get past the first check and reach deeper code.
 */
export function bodyArbitrary(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return nasty;
  const shaped = shapedArbitrary(schema, depth);
  return fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: nasty, weight: 1 });
}

function shapedArbitrary(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum, 'NOT_IN_ENUM');
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((variant) => bodyArbitrary(variant, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const entries = Object.entries(schema.properties ?? {}).map(
        ([key, child]) => [key, bodyArbitrary(child, depth + 1)] as const,
      );
      return fc.record(Object.fromEntries(entries), { requiredKeys: [] });
    }
    case 'array':
      return fc.array(bodyArbitrary(schema.items, depth + 1), { maxLength: 3 });
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 100 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'boolean':
      return fc.boolean();
    case 'string':
      return schema.format === 'date-time' ? dateText : fc.oneof(text, dateText);
    default:
      return nasty;
  }
}

/** Instants anywhere from year 1 to 9999, with and without offsets, as people and scripts type them. */
const dateText = fc
  .tuple(
    fc.integer({ min: 1, max: 9999 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
    fc.constantFrom('Z', '+07:00', '', ':00Z'),
  )
  .map(
    ([year, month, day, suffix]) =>
      `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00${suffix}`,
  );

/** Path parameter values that are no id or slug at all. */
export const NASTY_PATH_VALUES = ['%00', '%ED%A0%80', '%', '99999999999999999999999999', 'a'.repeat(400), '-1'];

/** Query values for any documented parameter: repeated, bracketed, enormous, bad text, odd dates. */
export const NASTY_QUERY_VALUES = (name: string) => [
  `${name}=a&${name}=b`,
  `${name}[a]=b`,
  `${name}=99999999999999999999999`,
  `${name}=%00`,
  `${name}=0001-01-01T00:00:00Z`,
];

export function sampleBodies(schema: JsonSchema | undefined, count: number, seed: number): unknown[] {
  return fc.sample(bodyArbitrary(schema), { seed, numRuns: count });
}
