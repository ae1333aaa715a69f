import { createServer } from 'node:http';

/**
 * The WEBHOOK channel's receiver for the benchmark: answers 200 after a fixed delay (a platform's
 * think time) and counts requests per Idempotency-Key. The first receive time of each key is the
 * delivery's "published" instant used for lateness.
 */
export class Receiver {
  constructor({ delayMs = 50 } = {}) {
    this.delayMs = delayMs;
    this.requests = new Map();
    this.total = 0;
    this.server = createServer((req, res) => this.receive(req, res));
    this.server.keepAliveTimeout = 60_000;
  }

  async start() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${this.server.address().port}/hook`;
    return this;
  }

  /** Forgets every count (between repetitions). */
  reset() {
    this.requests = new Map();
    this.total = 0;
  }

  receive(req, res) {
    const receivedAt = Date.now();
    const key = String(req.headers['idempotency-key'] ?? '');
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      this.total += 1;
      const seen = this.requests.get(key);
      if (seen) seen.count += 1;
      else this.requests.set(key, { count: 1, firstAt: receivedAt });
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: key, url: null }));
      }, this.delayMs);
    });
  }

  /** Requests beyond the first for a key: a receiver without dedupe would have posted twice. */
  duplicates() {
    let extra = 0;
    for (const { count } of this.requests.values()) extra += count - 1;
    return extra;
  }

  firstReceivedAt(key) {
    return this.requests.get(key)?.firstAt;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
