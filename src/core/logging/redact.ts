const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|credential|api[-_]?key|private|ciphertext/i;
export const REDACTED = '[redacted]';

/** A copy of a log payload with anything secret-looking replaced; safe for cycles and depth. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (depth > 6 || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1, seen);
  }
  return out;
}
