import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string;
  /** Headers (unfolded, encoded words decoded) and each part's headers and decoded body, as text. */
  text: string;
  raw: string;
}

/**
 * A real SMTP server on loopback (the smtp-server library) that keeps every message, for tests that
 * check what Gaung sends through SMTP_URL: one entry per recipient, MIME decoded for reading.
 */
export class SmtpCapture {
  readonly mails: CapturedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        for (const to of session.envelope.rcptTo) this.mails.push({ to: to.address, raw, text: readable(raw) });
        callback();
      });
    },
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /**
   * The mails to one address (that match, when given), oldest first, once there are at least `count`
   * (mail goes out after the answer, and an earlier change's mail may still be on its way: waits up to 5 s).
   */
  async mailsTo(
    to: string,
    count = 1,
    matching: (mail: CapturedMail) => boolean = () => true,
  ): Promise<CapturedMail[]> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const mails = this.mails.filter((mail) => mail.to === to && matching(mail));
      if (mails.length >= count || Date.now() > deadline) return mails;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** A MIME message as text a test can read: headers unfolded and decoded, each part's body decoded. */
export function readable(raw: string): string {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 2);
  const headers = head
    .replace(/\n[ \t]+/g, ' ')
    .split('\n')
    .map(decodeWords);
  const header = (name: string) =>
    headers
      .find((h) => h.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim() ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(header('content-type'))?.[1];
  if (boundary) {
    const parts = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'));
    return [...headers, '', ...parts.map((part) => readable(part.replace(/^\n/, '')))].join('\n');
  }
  const encoding = header('content-transfer-encoding').toLowerCase();
  const decoded =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body)
        : body;
  return [...headers, '', decoded].join('\n');
}

function decodeWords(value: string): string {
  return value.replace(
    /=\?([^?]+)\?([QqBb])\?([^?]*)\?=(\s+(?==\?))?/g,
    (_all, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : quotedPrintable(data.replace(/_/g, ' ')),
  );
}

function quotedPrintable(text: string): string {
  const soft = text.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
