import { randomUUID } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Spool {
  readonly path: string;
  write(chunk: Buffer): Promise<void>;
  /** Closes the file; it stays until `discard`. */
  close(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * A private temporary file that an upload streams into before it is checked, cleaned and stored:
 * memory holds one chunk at a time however large the upload, and nothing half-received reaches storage.
 */
export async function openSpool(): Promise<Spool> {
  const path = join(tmpdir(), `gaung-upload-${randomUUID()}`);
  const handle = await open(path, 'wx', 0o600);
  let closed = false;
  const close = async () => {
    if (!closed) await handle.close();
    closed = true;
  };
  return {
    path,
    write: async (chunk) => void (await handle.write(chunk)),
    close,
    discard: async () => {
      await close().catch(() => undefined);
      await unlink(path).catch(() => undefined);
    },
  };
}
