import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface OutboxMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
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
  ];
  await writeFile(path, `${headers.join('\n')}\n${body(message)}`, { mode: 0o600, flag: 'wx' });
  return path;
}

/** Text only, or text and HTML as alternatives (readable as they are: the outbox is for people). */
function body(message: OutboxMessage): string {
  if (!message.html) return `Content-Type: text/plain; charset=utf-8\n\n${message.text}\n`;
  const boundary = `gaung-${randomBytes(8).toString('hex')}`;
  return [
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    message.text,
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    message.html,
    `--${boundary}--`,
    '',
  ].join('\n');
}

/** A header value cannot start another header. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');
