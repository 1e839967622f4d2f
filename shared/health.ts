import { z } from 'zod';

/** GET /healthz: 200 only when status is ok. */
export const dependencyHealthSchema = z.object({
  ok: z.boolean(),
  backend: z.string(),
  detail: z.string().optional(),
});
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  version: z.string(),
  protocolVersion: z.number(),
  uptimeSeconds: z.number(),
  mongo: dependencyHealthSchema,
  redis: dependencyHealthSchema,
  sfu: dependencyHealthSchema.extend({ workers: z.number(), alive: z.number() }),
});
export type Health = z.infer<typeof healthSchema>;
export type DependencyHealth = z.infer<typeof dependencyHealthSchema>;
