import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface OutboxMail {
  file: string;
  mode: number;
  to: string;
  text: string;
}

async function readOutbox(dir: string): Promise<OutboxMail[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(
    names.sort().map(async (name) => {
      const file = join(dir, name);
      const content = await readFile(file, 'utf8');
      return { file, mode: (await stat(file)).mode & 0o777, to: /^To: (.*)$/m.exec(content)?.[1] ?? '', text: content };
    }),
  );
}

/**
 * The mails to one address in the outbox, oldest first, once there are at least `count` (mail goes
 * out after the HTTP answer, so this waits for it, up to a few seconds).
 */
export async function mailsTo(dir: string, to: string, count = 1): Promise<OutboxMail[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const mails = (await readOutbox(dir)).filter((mail) => mail.to === to);
    if (mails.length >= count || Date.now() > deadline) return mails;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The one-time token of the link in a password-reset mail. */
export function resetTokenIn(mail: OutboxMail): string {
  const url = /https?:\/\/\S+\/app\/password-reset\/confirm\?token=\S+/.exec(mail.text)?.[0];
  if (!url) throw new Error(`no reset link in ${mail.file}`);
  return new URL(url).searchParams.get('token')!;
}
