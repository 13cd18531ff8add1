/**
 * Server configuration, read once from the environment (and `.env`, loaded by main.ts).
 * Provider credentials are read here and nowhere else; they never leave the server.
 */
import path from 'node:path';
import { z } from 'zod';

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const Env = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8790),
  KINEMA_DATA_DIR: z.string().default('./data'),
  /** The built studio to serve; default dist/. Tests and the bench point it at the test build (dist-e2e/). */
  KINEMA_DIST_DIR: z.string().optional(),
  KINEMA_ACCESS_TOKEN: optionalSecret,
  /** Extra host names (comma list) the studio may be reached by, e.g. a public name behind a reverse proxy. */
  KINEMA_ALLOWED_HOSTS: z.string().optional(),
  KINEMA_LOCAL_CLIENT_ID: z.string().default('local'),
  KINEMA_LOCAL_CLIENT_SECRET: z.string().default('local'),
  /** How many local-engine jobs run at once (each uses one worker thread). */
  KINEMA_LOCAL_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(1),
  /** Job submissions per minute per client (sustained), and the burst allowed on top. */
  KINEMA_JOB_RATE_PER_MIN: z.coerce.number().int().min(1).max(100_000).default(120),
  KINEMA_JOB_BURST: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Character uploads per minute per client, the burst on top, and the disk all uploads may use. */
  KINEMA_UPLOAD_RATE_PER_MIN: z.coerce.number().int().min(1).max(100_000).default(20),
  KINEMA_UPLOAD_BURST: z.coerce.number().int().min(1).max(100_000).default(10),
  KINEMA_CHARACTER_QUOTA_MB: z.coerce.number().int().min(1).max(10_000_000).default(2048),
  DM_API_SERVER_URL: optionalSecret,
  DM_CLIENT_ID: optionalSecret,
  DM_CLIENT_SECRET: optionalSecret,
  /** How often the SayMotion tracker polls job status (one request for all active jobs). */
  DM_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** Extra hosts result files may come from (comma list; `*.suffix` allowed); the documented ones are built in. */
  DM_ASSET_HOSTS: z.string().optional(),
  MESHY_ASSET_HOSTS: z.string().optional(),
  MESHY_API_KEY: optionalSecret,
  MESHY_API_BASE: optionalSecret,
  /** postgres://… selects PostgreSQL instead of the embedded SQLite file. */
  DATABASE_URL: optionalSecret,
  /** redis://… fans job events out across server instances. */
  REDIS_URL: optionalSecret,
  /** Names this process in job leases; defaults to a random id per start. */
  KINEMA_INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .optional(),
  /** How long a job's lease lasts without renewal before another instance may take the job over. */
  KINEMA_LEASE_TTL_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  distDir: string | undefined;
  accessToken: string | undefined;
  /** Host names besides loopback and the bind address that requests may name (DNS-rebinding defence). */
  allowedHosts: string[];
  localClientId: string;
  localClientSecret: string;
  localConcurrency: number;
  jobRate: { perMinute: number; burst: number };
  uploadRate: { perMinute: number; burst: number };
  characterQuotaBytes: number;
  saymotion: { baseUrl: string; clientId: string; clientSecret: string; assetHosts: string[] } | null;
  saymotionPollMs: number;
  meshy: { baseUrl: string; apiKey: string; assetHosts: string[] } | null;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  instanceId: string;
  leaseTtlMs: number;
}

export class ConfigError extends Error {}

/**
 * Where each provider's result files may be downloaded from (besides its API host); the env lists add to these.
 * Download links come from the provider's replies; checking them against the documented asset hosts means a
 * tampered or unexpected reply cannot make the server fetch from an internal address or some other site.
 */
export const DEFAULT_ASSET_HOSTS = {
  // Signed storage URLs (the character upload flow speaks Google Cloud Storage's resumable protocol).
  saymotion: ['storage.googleapis.com', '*.storage.googleapis.com', '*.deepmotion.com'],
  // Result URLs are signed https://assets.meshy.ai/… links.
  meshy: ['assets.meshy.ai', '*.meshy.ai'],
} as const;

/** `a.example, *.b.example` → lower-case entries; exact names, `name:port` or `*.suffix` wildcards. */
function parseHostList(raw: string | undefined): string[] | undefined {
  if (!raw || !raw.trim()) return undefined;
  return raw
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.KINEMA_DATA_DIR),
    distDir: e.KINEMA_DIST_DIR === undefined ? undefined : path.resolve(e.KINEMA_DIST_DIR),
    accessToken: e.KINEMA_ACCESS_TOKEN,
    allowedHosts: parseAllowedHosts(e.KINEMA_ALLOWED_HOSTS),
    localClientId: e.KINEMA_LOCAL_CLIENT_ID,
    localClientSecret: e.KINEMA_LOCAL_CLIENT_SECRET,
    localConcurrency: e.KINEMA_LOCAL_CONCURRENCY,
    jobRate: { perMinute: e.KINEMA_JOB_RATE_PER_MIN, burst: e.KINEMA_JOB_BURST },
    uploadRate: { perMinute: e.KINEMA_UPLOAD_RATE_PER_MIN, burst: e.KINEMA_UPLOAD_BURST },
    characterQuotaBytes: e.KINEMA_CHARACTER_QUOTA_MB * 1024 * 1024,
    saymotion:
      e.DM_CLIENT_ID && e.DM_CLIENT_SECRET
        ? {
            baseUrl: e.DM_API_SERVER_URL ?? 'https://service.deepmotion.com',
            clientId: e.DM_CLIENT_ID,
            clientSecret: e.DM_CLIENT_SECRET,
            assetHosts: [...DEFAULT_ASSET_HOSTS.saymotion, ...(parseHostList(e.DM_ASSET_HOSTS) ?? [])],
          }
        : null,
    saymotionPollMs: e.DM_POLL_INTERVAL_MS,
    meshy: e.MESHY_API_KEY
      ? { baseUrl: e.MESHY_API_BASE ?? 'https://api.meshy.ai', apiKey: e.MESHY_API_KEY, assetHosts: [...DEFAULT_ASSET_HOSTS.meshy, ...(parseHostList(e.MESHY_ASSET_HOSTS) ?? [])] }
      : null,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    instanceId: e.KINEMA_INSTANCE_ID ?? `inst-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    leaseTtlMs: e.KINEMA_LEASE_TTL_MS,
  };
}

/** `studio.example.com, https://other.example:8443` → bare lower-case names (scheme and port dropped). */
function parseAllowedHosts(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '')
    .map((v) => {
      try {
        return new URL(v.includes('://') ? v : `http://${v}`).hostname;
      } catch {
        throw new ConfigError(`Invalid environment variable KINEMA_ALLOWED_HOSTS: "${v}" is not a host name.`);
      }
    });
}

/** Every credential value in the config, so the logger can scrub them from anything it prints. */
export function secretValues(config: Config): string[] {
  return [
    config.accessToken,
    ...[config.databaseUrl, config.redisUrl].map(urlPassword),
    config.saymotion?.clientId,
    config.saymotion?.clientSecret,
    config.meshy?.apiKey,
    config.localClientSecret !== 'local' ? config.localClientSecret : undefined,
  ].filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

/** The password inside a connection URL (postgres://user:pw@host), which must not reach a log either. */
function urlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
