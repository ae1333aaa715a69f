import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface OutboxMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Without SMTP, a message becomes a file in the outbox directory that only the operator can read:
 * the directory is created 0700 and each file 0600, and nothing serves it over HTTP. It may hold a
 * one-time link (a password reset), so its content is never logged. Returns the file's path.
 */
export async function writeToOutbox(dir: string, message: OutboxMessage, now = new Date()): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
  const headers = [
    `From: ${oneLine(message.from)}`,
    `To: ${oneLine(message.to)}`,
    `Subject: ${oneLine(message.subject)}`,
    `Date: ${now.toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
  ];
  await writeFile(path, `${headers.join('\n')}\n\n${message.text}\n`, { mode: 0o600, flag: 'wx' });
  return path;
}

/** A header value cannot start another header. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');
