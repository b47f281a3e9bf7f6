import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { LIMITS } from '@casusbord/shared';

/**
 * Environment → frozen Config, parsed once at start-up (never at import time).
 * Every variable is listed in .env.example.
 */
/** `VAR=` in an env file means "not set" for the optional variables that use this. */
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Base URL that people use to reach the app, for join and report links; default http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Comma-separated list of extra origins allowed to call the API and open sockets (the app's own origin always is). */
  ALLOWED_ORIGINS: z.string().default(''),
  /** Directory of the built client; default client/dist next to the server workspace. */
  CLIENT_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Stored updates of one document after which it is compacted into one snapshot. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(10).max(100000).default(500),
  /** How long an idle document stays in memory after its last client left, ms. */
  DOC_IDLE_MS: z.coerce.number().int().min(0).max(3600000).default(30000),
  /** Selects the Redis store and scale-out (several instances on one Redis); unset means SQLite. */
  REDIS_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
  /** Prefix of every Redis key and channel, so several deployments can share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/).default('casusbord:'),
  /** Trust X-Forwarded-For (client address for rate limits) — only behind a proxy you run. */
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  /** Sessions older than this many days are deleted with everything in them (0 = never). */
  RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  /**
   * Sessions one client address may create per 10 minutes. A facilitator makes one or two before a
   * meeting; 20 lets a training day prepare a room's worth, while a script cannot fill the store.
   */
  SESSIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(100000).default(20),
  /** Open /yjs connections per participant or recipient token (LIMITS says why 8). */
  YJS_CONNECTIONS_PER_TOKEN: z.coerce.number().int().min(1).max(10000).default(LIMITS.yjsConnectionsPerToken),
  /** Open /yjs connections per host token (LIMITS says why 32). */
  YJS_CONNECTIONS_PER_HOST_TOKEN: z.coerce.number().int().min(1).max(10000).default(LIMITS.yjsConnectionsPerHostToken),
  /**
   * Open /yjs connections per client address. A full session behind one venue NAT is 40 people ×
   * 3 documents (120) plus the host's page (13, twice): 200 leaves room for a second group there.
   */
  YJS_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(100000).default(200),
  /**
   * Turns on GET /metrics (Prometheus text) for scrapers that send it as a bearer token; unset
   * means no metrics at all. At least 32 characters: it is the only thing guarding the endpoint.
   */
  METRICS_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().regex(/^\S{32,200}$/, 'use 32 to 200 characters without spaces').optional(),
  ),
  /** Readable name of this instance in logs; default host name and process id. */
  INSTANCE_ID: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/).optional()),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly publicUrl: string | null;
  readonly allowedOrigins: readonly string[];
  readonly clientDist: string;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readonly compactAfterUpdates: number;
  readonly docIdleMs: number;
  readonly redisUrl: string | null;
  readonly redisPrefix: string;
  readonly instanceId: string;
  readonly trustProxy: boolean;
  readonly retentionDays: number;
  /** Sessions per client address per 10 minutes (SESSION_CREATION_WINDOW_MS in http/AddressLimiter). */
  readonly sessionsPerAddress: number;
  readonly yjsConnectionsPerToken: number;
  readonly yjsConnectionsPerHostToken: number;
  readonly yjsConnectionsPerAddress: number;
  /** GET /metrics answers only with this bearer token; null: metrics are off. */
  readonly metricsToken: string | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const serverRoot = path.resolve(import.meta.dirname, '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const origins = e.ALLOWED_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(`Invalid configuration:\n  - ALLOWED_ORIGINS: "${origin}" is not an origin like https://example.org`);
    }
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    allowedOrigins: Object.freeze(origins),
    clientDist: path.resolve(e.CLIENT_DIST ?? path.join(serverRoot, '..', 'client', 'dist')),
    logLevel: e.LOG_LEVEL,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    docIdleMs: e.DOC_IDLE_MS,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    instanceId: e.INSTANCE_ID ?? `${os.hostname()}-${process.pid}`,
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    retentionDays: e.RETENTION_DAYS,
    sessionsPerAddress: e.SESSIONS_PER_ADDRESS,
    yjsConnectionsPerToken: e.YJS_CONNECTIONS_PER_TOKEN,
    yjsConnectionsPerHostToken: e.YJS_CONNECTIONS_PER_HOST_TOKEN,
    yjsConnectionsPerAddress: e.YJS_CONNECTIONS_PER_ADDRESS,
    metricsToken: e.METRICS_TOKEN ?? null,
  });
}

/** Config for tests and tools: defaults plus overrides, without reading process.env. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({ ...loadConfig({}), port: 0, host: '127.0.0.1', logLevel: 'silent' as const, ...overrides });
}
