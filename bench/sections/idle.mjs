// Idle punctuality: single posts spread evenly over a window, an otherwise idle worker. Lateness is
// the receiver's first receive time minus each target's own due time.
import { startWorker } from '../lib/children.mjs';
import { gaung } from '../lib/context.mjs';
import { benchSlug, clearPosts, createWorkspace, dropWorkspace, seedScheduledTargets } from '../lib/seed.mjs';
import { percentile, pollUntil } from '../lib/stats.mjs';

export async function runIdle(context, receiver) {
  const { options } = context;
  const { posts, windowMs, leadMs } = options.idle;
  const workspace = await createWorkspace(context, {
    slug: benchSlug('idle'),
    accounts: 10,
    receiverUrl: receiver.url,
  });
  const reps = [];
  try {
    for (let rep = 0; rep < options.reps; rep++) {
      await clearPosts(context, workspace.workspaceId);
      receiver.reset();
      const queuePrefix = `${context.prefix}-idle-${rep}`;
      const worker = await startWorker(context.childEnv(queuePrefix, options.workerEnv), {
        label: `worker-idle-${rep}`,
      });
      const queue = context.queue(gaung.PUBLISH_QUEUE, queuePrefix);
      try {
        const targets = await seedScheduledTargets(context, {
          ...workspace,
          count: posts,
          baseDueAt: new Date(Date.now() + leadMs),
          spreadMs: windowMs,
        });
        await new gaung.DeliveryScheduler(queue).wake(targets);
        const lastDue = Math.max(...targets.map((t) => t.dueAt.getTime()));
        await pollUntil(() => receiver.requests.size >= posts, {
          everyMs: 100,
          timeoutMs: lastDue - Date.now() + 30_000,
        });
        const lateness = [];
        for (const target of targets) {
          const at = receiver.firstReceivedAt(gaung.idempotencyKeyFor(target.id, 1));
          if (at !== undefined) lateness.push(at - target.dueAt.getTime());
        }
        reps.push({
          latenessP50Ms: percentile(lateness, 50),
          latenessP99Ms: percentile(lateness, 99),
          latenessMaxMs: percentile(lateness, 100),
          lost: posts - lateness.length,
          duplicates: receiver.duplicates(),
          peakRssMb: worker.peakRssMb(),
        });
        process.stderr.write(
          `[bench] idle rep ${rep + 1}: p99 ${reps.at(-1).latenessP99Ms} ms, lost ${reps.at(-1).lost}\n`,
        );
      } finally {
        await queue.close();
        await worker.stop();
      }
    }
  } finally {
    await dropWorkspace(context, workspace);
  }
  return reps;
}
