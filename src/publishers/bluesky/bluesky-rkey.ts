import { createHash } from 'node:crypto';

const SORTABLE_BASE32 = '234567abcdefghijklmnopqrstuvwxyz';
/** Derived timestamps fall in 2023-2024: valid, never in the future. */
const WINDOW_START_MICROS = BigInt(Date.UTC(2023, 0, 1)) * 1000n;
const WINDOW_MICROS = 2n * 365n * 24n * 3600n * 1_000_000n;

/**
 * A record key in TID syntax (13 sortable-base32 characters: 53-bit microsecond timestamp and
 * 10-bit clock id) derived only from the delivery's idempotency key. Posts require TID keys; the
 * same delivery always gets the same key, so a retry collides with the first post instead of
 * creating a second one.
 */
export function rkeyFromIdempotencyKey(idempotencyKey: string): string {
  const hash = createHash('sha256').update(`gaung-bluesky:${idempotencyKey}`).digest();
  const micros = WINDOW_START_MICROS + (hash.readBigUInt64BE(0) % WINDOW_MICROS);
  const clockId = BigInt(hash.readUInt16BE(8) & 0x3ff);
  const value = (micros << 10n) | clockId;
  let tid = '';
  for (let shift = 60n; shift >= 0n; shift -= 5n) tid += SORTABLE_BASE32[Number((value >> shift) & 31n)];
  return tid;
}
