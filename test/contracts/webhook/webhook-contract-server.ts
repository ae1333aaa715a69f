import type { ServerResponse } from 'node:http';
import { verifySignature } from '../../../src/core/crypto/webhook-signature';
import { ContractServer, dropConnection, hang, sendJson, type RecordedRequest } from '../contract-server';

/** How the receiver misbehaves for the next request(s). */
export type WebhookFault =
  /** 429 with Retry-After (seconds); nothing stored. */
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  /** 503 before acceptance; nothing stored. */
  | { kind: 'unavailable' }
  /** 500 after storing the post: acceptance unknown to the sender. */
  | { kind: 'error-after-accept' }
  /** Stores the post, then never answers (the sender's timeout fires). */
  | { kind: 'hang-after-accept' }
  /** Stores the post, then drops the connection without an answer. */
  | { kind: 'drop-after-accept' }
  /** 401: the signing secret is wrong. */
  | { kind: 'unauthorized' }
  /** 422 with a reason: the content is refused. */
  | { kind: 'reject'; reason: string };

export interface StoredPost {
  idempotencyKey: string;
  targetId: string;
  version: number;
  text: string;
  id: string;
}

/**
 * The WEBHOOK channel's receiver contract: POST /hook with a signed JSON body and an
 * Idempotency-Key. A repeated key answers the first result again and stores nothing (dedupe),
 * unless `ignoresIdempotencyKey` plays a receiver that cannot.
 * "Refused" is tested with a closed port (refusedUrl()).
 */
export class WebhookContractServer extends ContractServer {
  readonly stored: StoredPost[] = [];
  readonly badSignatures: RecordedRequest[] = [];
  private readonly byKey = new Map<string, StoredPost>();
  private readonly faults: WebhookFault[] = [];
  /** A receiver that cannot deduplicate: every request is a new post, whatever its key. */
  ignoresIdempotencyKey = false;
  /** A fault applied to every request with probability `chance` (chaos runs). */
  randomFault: { chance: number; pick: () => WebhookFault } | null = null;

  constructor(private readonly secret: string) {
    super();
    this.route('POST', '/hook', (req, res) => this.receive(req, res));
  }

  get url(): string {
    return `${this.baseUrl}/hook`;
  }

  /** Queues faults for the next requests, in order. */
  fail(...faults: WebhookFault[]): this {
    this.faults.push(...faults);
    return this;
  }

  /** Targets that reached the receiver as more than one distinct post (must stay empty). */
  duplicates(): string[] {
    const counts = new Map<string, number>();
    for (const post of this.stored) counts.set(post.targetId, (counts.get(post.targetId) ?? 0) + 1);
    return [...counts].filter(([, count]) => count > 1).map(([targetId]) => targetId);
  }

  private receive(req: RecordedRequest, res: ServerResponse): void {
    const signature = String(req.headers['x-gaung-signature'] ?? '');
    if (!verifySignature(this.secret, req.body.toString('utf8'), signature)) {
      this.badSignatures.push(req);
      return sendJson(res, 401, { error: 'bad signature' });
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    if (!/^[A-Za-z0-9-]{1,64}$/.test(key)) return sendJson(res, 400, { error: 'Idempotency-Key is required' });
    const fault =
      this.faults.shift() ??
      (this.randomFault && Math.random() < this.randomFault.chance ? this.randomFault.pick() : undefined);
    if (fault?.kind === 'rate-limit')
      return sendJson(res, 429, { error: 'slow down' }, { 'retry-after': String(fault.retryAfterSeconds) });
    if (fault?.kind === 'unavailable') return sendJson(res, 503, { error: 'unavailable' });
    if (fault?.kind === 'unauthorized') return sendJson(res, 401, { error: 'unknown sender' });
    if (fault?.kind === 'reject') return sendJson(res, 422, { error: fault.reason });
    const post = this.accept(key, req.json as { targetId: string; version: number; text: string });
    if (fault?.kind === 'error-after-accept') return sendJson(res, 500, { error: 'internal error' });
    if (fault?.kind === 'hang-after-accept') return hang();
    if (fault?.kind === 'drop-after-accept') return dropConnection(res);
    sendJson(res, 200, { id: post.id, url: `${this.baseUrl}/posts/${post.id}` });
  }

  private accept(key: string, body: { targetId: string; version: number; text: string }): StoredPost {
    const existing = this.ignoresIdempotencyKey ? undefined : this.byKey.get(key);
    if (existing) return existing;
    const post: StoredPost = {
      idempotencyKey: key,
      targetId: body.targetId,
      version: body.version,
      text: body.text,
      id: `wh-${this.stored.length + 1}`,
    };
    this.byKey.set(key, post);
    this.stored.push(post);
    return post;
  }
}

/** A loopback URL where nothing listens (connection refused). */
export async function refusedUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hook`;
}
