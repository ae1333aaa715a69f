import { z } from 'zod';

export const livenessView = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

const checkView = z
  .object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() })
  .meta({ id: 'HealthCheck' });

export const readinessView = z
  .object({ status: z.enum(['ok', 'unavailable']), checks: z.object({ postgres: checkView, redis: checkView }) })
  .meta({ id: 'Readiness' });
