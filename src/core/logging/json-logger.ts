import type { LoggerService } from '@nestjs/common';
import { redact } from './redact';
import { requestContext } from './request-context';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

/**
 * One JSON object per line on stdout, with the request id of the current request and secrets
 * redacted. Implements Nest's LoggerService so framework logs take the same shape.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }

  private emit(level: Exclude<LogLevel, 'silent'>, message: unknown, rest: unknown[]): void {
    if (LEVELS[level] < LEVELS[this.level]) return;
    // Nest passes the context (logger name) last, and for errors a stack before it.
    const params = [...rest];
    const context = typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, context };
    const requestId = requestContext.requestId();
    if (requestId) entry.requestId = requestId;
    if (typeof message === 'string') entry.msg = message;
    else if (message instanceof Error) Object.assign(entry, { msg: message.message, err: redact(message) });
    else if (message && typeof message === 'object') Object.assign(entry, redact(message));
    else entry.msg = String(message);
    for (const extra of params) {
      if (typeof extra === 'string') entry.stack = extra;
      else if (extra && typeof extra === 'object') Object.assign(entry, redact(extra));
    }
    this.write(JSON.stringify(entry));
  }
}
