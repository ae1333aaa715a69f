import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import type { TestApp } from './test-app';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { error?: { code?: string; message?: string } } & Record<string, unknown>;
  /** Body bytes the client had written when the answer came. */
  sentBytes: number;
}

/** The test app listening on an ephemeral loopback port (raw requests need a real socket). */
export async function listen(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer();
  if (!server.listening) await t.app.listen(0, '127.0.0.1');
  return (server.address() as AddressInfo).port;
}

/**
 * A request whose body is written chunk by chunk, with back-pressure, until the server answers
 * (then writing stops): shows how much the server read before refusing. `totalBytes` with
 * Content-Length set announces a size without ever sending it.
 */
export function rawRequest(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    chunk: Buffer;
    totalBytes: number;
    first?: Buffer;
    stopAfterBytes?: number;
  },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: RawAnswer['body'] = {};
          try {
            body = JSON.parse(text) as RawAnswer['body'];
          } catch {
            body = { text };
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sentBytes: sent });
        });
      },
    );
    // Once refused, the server closes the connection: a write error after the answer is expected.
    req.on('error', (error) => !answered && reject(error));
    const limit = Math.min(options.totalBytes, options.stopAfterBytes ?? Number.POSITIVE_INFINITY);
    const write = () => {
      while (!answered && sent < limit) {
        const piece =
          sent === 0 && options.first
            ? options.first
            : options.chunk.subarray(0, Math.min(options.chunk.length, limit - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      // Announced but unsent bytes are never sent: the request stays open until the server answers.
      if (!answered && sent >= options.totalBytes) req.end();
    };
    write();
  });
}
