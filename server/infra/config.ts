import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable Haven reads, with its default. The README's configuration
 * table mirrors this list; `describeConfig()` prints it so the two stay comparable.
 */
const port = z.coerce.number().int().min(0).max(65535);
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((value) => protocols.some((p) => value.startsWith(p)), {
      message: `must start with ${protocols.join(' or ')}`,
    })
    .optional();

export const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;
const proxyEntry = z.union([z.enum(PROXY_NAMES), z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);
const trustProxySchema = z
  .string()
  .optional()
  .transform((value, ctx): false | number | string[] => {
    if (value === undefined) return false;
    if (/^[1-9][0-9]?$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every((entry) => proxyEntry.safeParse(entry).success)) return entries;
    ctx.addIssue({
      code: 'custom',
      message: 'name the proxy: loopback, addresses or subnets (comma-separated), or a hop count',
    });
    return z.NEVER;
  });
export type TrustProxy = z.output<typeof trustProxySchema>;

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    PUBLIC_URL: z.url().optional(),
    ALLOWED_ORIGINS: z.string().optional(),
    HAVEN_DATA_DIR: z.string().min(1).default('.data'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    MONGODB_URI: optionalUrl(['mongodb://', 'mongodb+srv://']),
    MONGO_DOWNLOAD: flag.default(true),
    REDIS_URL: optionalUrl(['redis://', 'rediss://']),
    MEDIASOUP_WORKER_BIN: z.string().min(1).optional(),
    SFU_WORKERS: z.coerce.number().int().min(1).max(256).default(availableParallelism()),
    RTC_MIN_PORT: port.default(40000),
    RTC_MAX_PORT: port.default(49999),
    /** The address media listens on; HOST when unset (127.0.0.1 on a laptop). */
    RTC_LISTEN_IP: z.union([z.ipv4(), z.ipv6()]).optional(),
    /** The address clients reach media on (a public IP behind NAT). */
    RTC_ANNOUNCED_IP: z.union([z.ipv4(), z.ipv6()]).optional(),
    /** First WebRtcServer port: worker i listens on UDP and TCP port + i. */
    RTC_SERVER_PORT: port.default(44400),
    /** false: a port per transport from RTC_MIN_PORT-RTC_MAX_PORT instead of one per worker. */
    RTC_WEBRTC_SERVER: flag.default(true),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /**
     * The proxies whose X-Forwarded-For is believed (express's "trust proxy"): unset, none,
     * and a request is its socket's address (rate limits per address, /metrics' "this
     * machine"). Behind a proxy, name it: `loopback`, addresses or subnets (comma-separated),
     * or how many hops. Never every sender: anyone could then claim any address.
     */
    TRUST_PROXY: trustProxySchema,
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /**
     * Ed25519 private key (PKCS#8 PEM, or its DER in base64) that signs attendance slips;
     * required in production. Checked by attendance-slips/keys.ts, whose messages never
     * repeat it (the generic message below quotes the value, so nothing here may fail).
     */
    ATTENDANCE_SIGNING_KEY: z.string().optional(),
    /** Comma-separated public keys (SPKI PEM or base64 DER) whose slips still verify after a rotation. */
    ATTENDANCE_PREVIOUS_PUBLIC_KEYS: z.string().optional(),
    /** Minutes a participant must have attended before the room offers a slip. */
    ATTENDANCE_SLIP_MIN_MINUTES: z.coerce.number().int().min(1).max(600).default(30),
    /** The largest training video a trainer may upload, in MB (docs/training.md). */
    TRAINING_VIDEO_MAX_MB: z.coerce
      .number()
      .int()
      .min(1)
      .max(20 * 1024)
      .default(500),
    /** The SMTP server Haven's emails go through (required in production); unset, a local catcher. */
    SMTP_URL: optionalUrl(['smtp://', 'smtps://']),
    /** The From of Haven's emails. */
    MAIL_FROM: z.string().trim().min(3).default('Haven <no-reply@haven.local>'),
  })
  .refine((c) => c.RTC_MIN_PORT <= c.RTC_MAX_PORT, {
    path: ['RTC_MAX_PORT'],
    message: 'must be at least RTC_MIN_PORT',
  });

type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  dataDir: string;
  publicUrl: string;
  allowedOrigins: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly variables: string[],
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, as a shell's `FOO= npm start` means "no value". */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'configuration');
      return { name, text: `${name}: ${issue.message} (got ${JSON.stringify(env[name] ?? null)})` };
    });
    throw new ConfigError(
      problems.map((p) => p.name),
      `Invalid configuration:\n  ${problems.map((p) => p.text).join('\n  ')}`,
    );
  }
  const raw = parsed.data;
  const shownHost = raw.HOST === '0.0.0.0' || raw.HOST === '::' ? 'localhost' : raw.HOST;
  const publicUrl = (raw.PUBLIC_URL ?? `http://${shownHost}:${raw.PORT}`).replace(/\/$/, '');
  const allowedOrigins = raw.ALLOWED_ORIGINS
    ? raw.ALLOWED_ORIGINS.split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean)
    : [publicUrl, `http://localhost:${raw.PORT}`, `http://127.0.0.1:${raw.PORT}`];
  return {
    ...raw,
    dataDir: resolve(raw.HAVEN_DATA_DIR),
    publicUrl,
    allowedOrigins: [...new Set(allowedOrigins)],
  };
}
