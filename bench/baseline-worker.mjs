// The baseline of B1: a bare BullMQ worker, same concurrency and HTTP client (axios) as Gaung's
// worker, making the same kind of call per job and nothing else (no database). Prints "ready" once
// listening and "done <epoch ms> <completed>" when BASELINE_COUNT jobs completed.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Worker } = require('bullmq');
const axios = require('axios');

const count = Number(process.env.BASELINE_COUNT);
const client = axios.create({ validateStatus: () => true, maxRedirects: 0 });
let completed = 0;
const worker = new Worker(
  'baseline',
  async (job) => {
    const body = JSON.stringify({ id: job.data.key, text: 'Bench: solidaritas' });
    const response = await client.post(job.data.url, body, {
      headers: { 'content-type': 'application/json', 'idempotency-key': job.data.key },
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  },
  {
    connection: { url: process.env.REDIS_URL, maxRetriesPerRequest: null },
    prefix: process.env.QUEUE_PREFIX,
    concurrency: Number(process.env.WORKER_CONCURRENCY),
  },
);
worker.on('completed', () => {
  completed += 1;
  if (completed === count) process.stdout.write(`done ${Date.now()} ${completed}\n`);
});
await worker.waitUntilReady();
process.stdout.write('ready\n');
process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
