import { z } from 'zod';

// Every setting of the README's configuration table, parsed in one place with
// zod. A process checks them once at start-up (`checkEnv()` in app/server/main.ts
// and jobs/worker.ts): a wrong value stops it with one message naming every
// variable at fault, instead of a surprise hours later. Code reads settings
// through `env()`: typed values with the README's defaults. Unset and empty
// are the same. The parse is cached and redone only when a variable changes
// (tests switch settings between cases; a deployed process never does).

export type EnvSource = Record<string, string | undefined>;

const text = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const withDefault = (fallback: string) => text.transform((v) => v ?? fallback);

const integer = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  text.pipe(
    z
      .string()
      .regex(/^\d+$/, `a whole number from ${min} to ${max}`)
      .transform(Number)
      .pipe(z.number().int().min(min).max(max))
      .optional()
      .transform((v) => v ?? fallback),
  );

const url = text.pipe(
  z
    .string()
    .refine((v) => URL.canParse(v), 'a full URL such as https://sen.example.vn')
    .optional(),
);

const list = text.transform((v) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const schema = z.object({
  NODE_ENV: withDefault('development'),
  PORT: integer(3000, 0, 65535),
  HOST: withDefault('0.0.0.0'),
  APP_URL: url,
  ALLOWED_HOSTS: list,
  SIGNUPS_PER_ADDRESS: integer(5, 1),
  DATABASE_URL: text.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
      .optional(),
  ),
  DB_POOL_SIZE: integer(10, 1, 1000),
  DATA_DIR: withDefault('data'),
  TRUST_PROXY: text,
  WORKER: text.pipe(
    z
      .enum(['on', 'off'])
      .optional()
      .transform((v) => v !== 'off'),
  ),
  WEB_CONCURRENCY: text.pipe(
    z
      .string()
      .regex(/^[1-9]\d*$/, 'a whole number of processes, at least 1')
      .transform(Number)
      .optional(),
  ),
  LOG_LEVEL: text.pipe(
    z
      .enum(['info', 'warn', 'error', 'silent'])
      .optional()
      .transform((v) => v ?? 'info'),
  ),
  SMTP_URL: url,
  MAIL_FROM: withDefault('Sen <no-reply@sen.local>'),
  PHONE_COUNTRIES: text,
  ESMS_API_KEY: text,
  ESMS_SECRET_KEY: text,
  ESMS_BRANDNAME: withDefault('SEN'),
  ESMS_SANDBOX: text.transform((v) => v === '1'),
  ESMS_API_BASE: url,
  ZALO_APP_ID: text,
  ZALO_APP_SECRET: text,
  ZALO_REFRESH_TOKEN: text,
  ZALO_TEMPLATES: text,
  ZALO_ZNS_API_BASE: url,
  ZALO_OAUTH_BASE: url,
  NOTIFY_QUIET_HOURS: text.pipe(
    z
      .string()
      .regex(/^\s*([01]?\d|2[0-3])\s*-\s*([01]?\d|2[0-3])\s*$/, 'two hours from 0 to 23, such as 21-7')
      .optional(),
  ),
  NOTIFY_DAILY_CAP: integer(10, 0),
  S3_BUCKET: text,
  S3_ENDPOINT: url,
  S3_REGION: withDefault('us-east-1'),
  S3_ACCESS_KEY_ID: text,
  S3_SECRET_ACCESS_KEY: text,
  S3_FORCE_PATH_STYLE: text.pipe(z.enum(['true', 'false']).optional()),
  STRIPE_SECRET_KEY: text,
  STRIPE_WEBHOOK_SECRET: text,
  STRIPE_API_BASE: url,
  VIETQR_HOURS: integer(24, 1),
  SCAM_HASH_SECRET: text,
  COOKIE_SECRET: text,
  PAGE_CACHE_SECONDS: integer(3, 0),
  OPERATOR_NAME: withDefault('Sen (demo)'),
  OPERATOR_ADDRESS: withDefault('—'),
  OPERATOR_EMAIL: withDefault('no-reply@sen.local'),
  OPERATOR_PHONE: text,
  OPERATOR_REGISTRATION: text,
  BENCH: text,
  BENCH_PORT: integer(3230, 1, 65535),
  E2E_PORT: integer(3100, 1, 65535),
  CHROMIUM_PATH: withDefault('/usr/bin/chromium'),
});

export type Env = z.output<typeof schema>;
const names = Object.keys(schema.shape) as (keyof Env)[];

/** The settings of `source`, or an Error naming every variable at fault and what it should be. */
export function parseEnv(source: EnvSource): Env {
  const result = schema.safeParse(Object.fromEntries(names.map((n) => [n, source[n]])));
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (i) => `  ${String(i.path[0])}=${JSON.stringify(source[String(i.path[0])])}: ${i.message}`,
  );
  throw new Error(
    `Sen cannot start: some settings are wrong (see the configuration table in README.md)\n${problems.join('\n')}`,
  );
}

let cached: { key: string; env: Env } | undefined;

/** The settings of this process (of `source` when given), parsed once per set of values. */
export function env(source: EnvSource = process.env): Env {
  const key = JSON.stringify(names.map((n) => source[n] ?? null));
  if (cached?.key !== key) cached = { key, env: parseEnv(source) };
  return cached.env;
}

/** At start-up: stops the process with a clear message when any setting is wrong. */
export function checkEnv(source: EnvSource = process.env) {
  try {
    return env(source);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
