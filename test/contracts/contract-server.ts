import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The body parsed as JSON or form data when it is one; undefined otherwise. */
  json: unknown;
  receivedAt: number;
  /** How many requests came on the same connection before this one (0: a fresh connection). */
  onConnection: number;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

/**
 * A local stand-in for a platform API on 127.0.0.1 (never anything else). Each platform's contract
 * server registers routes that follow the platform's documented behaviour; tests can inject faults.
 */
export class ContractServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [];
  private readonly sockets = new Set<import('node:net').Socket>();
  private server?: Server;
  /** Requests already answered on each connection (for closesSilently). */
  private readonly answered = new WeakMap<import('node:net').Socket, number>();
  /**
   * A server that closes each connection after answering without saying so (no `Connection: close`,
   * as some proxies and small servers do): a second request on a kept-alive connection is reset
   * unread, exactly as a socket the server already closed would be. Such requests are not recorded.
   */
  closesSilently = false;
  /** Requests reset unread by closesSilently (a client that met a connection closed under it). */
  silentResets = 0;
  baseUrl = '';

  route(method: string, pattern: string | RegExp, handler: Handler): this {
    const regex = typeof pattern === 'string' ? new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, '[^/]+')}$`) : pattern;
    this.routes.push({ method: method.toUpperCase(), pattern: regex, handler });
    return this;
  }

  /** On a free port, or on `port` when the app under test was configured with this stand-in's address beforehand (the browser tests). */
  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      const before = this.answered.get(req.socket) ?? 0;
      this.answered.set(req.socket, before + 1);
      if (this.closesSilently && before > 0) {
        this.silentResets++;
        return req.socket.resetAndDestroy();
      }
      void this.dispatch(req, res, before);
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  requestsTo(method: string, pathPattern: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && pathPattern.test(r.path));
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, onConnection: number): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      json: parseBody(req.headers['content-type'], body),
      receivedAt: Date.now(),
      onConnection,
    };
    this.requests.push(recorded);
    const route = this.routes.find((r) => r.method === recorded.method && r.pattern.test(recorded.path));
    if (!route) return sendJson(res, 404, { error: 'not found in contract server', path: recorded.path });
    try {
      await route.handler(recorded, res);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
    }
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Accepts the request, then drops the connection without answering (an ambiguous outcome). */
export function dropConnection(res: ServerResponse): void {
  res.socket?.destroy();
}

/** Never answers (the client's timeout must fire); the socket is destroyed on stop(). */
export function hang(): void {}

function parseBody(contentType: string | undefined, body: Buffer): unknown {
  if (body.length === 0) return undefined;
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      return undefined;
    }
  }
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  }
  return undefined;
}
