import type { Readable } from 'node:stream';

/** Where media bytes live, by key ("<workspace id>/<media id>[.<variant>]"). */
export abstract class MediaStorage {
  /** Stores a whole object; readers never see it half-written. */
  abstract put(key: string, body: Buffer | { path: string; size: number }): Promise<void>;
  abstract read(key: string): Promise<Buffer>;
  abstract stream(key: string): Promise<Readable>;
  /** Removes an object; removing a missing one is fine. */
  abstract delete(key: string): Promise<void>;
  abstract exists(key: string): Promise<boolean>;
}

/** Keys are made by MediaService only; anything else is a bug, never a path outside the store. */
export function checkKey(key: string): string {
  if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}(\.[a-z0-9-]{1,40})?$/.test(key)) throw new Error('invalid storage key');
  return key;
}
