// One JSON line per event on stdout. Values under keys that may hold secrets or
// identity data are replaced, whatever the caller passes.

import { env } from './env.server';
const secretKey = /pass|token|secret|cookie|authorization|session|cccd|identity|id_number/i;

type Fields = Record<string, unknown>;

function redact(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = secretKey.test(key) ? '[redacted]' : value;
  }
  return out;
}

const levels = { info: 0, warn: 1, error: 2, silent: 3 } as const;

/** LOG_LEVEL; a log line is never lost to a wrong setting elsewhere (checkEnv reports those at start-up). */
function logLevel(): keyof typeof levels {
  try {
    return env().LOG_LEVEL;
  } catch {
    return 'info';
  }
}

function write(level: 'info' | 'warn' | 'error', msg: string, fields: Fields = {}) {
  const threshold = levels[logLevel()];
  if (levels[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...redact(fields) });
  if (level === 'error') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}

/**
 * An error's message and stack, whatever was thrown: libraries reject with plain
 * objects too ({ message, code }), which String() would print as "[object Object]".
 */
export function describeError(error: unknown): { error: string; stack?: string } {
  if (error instanceof Error) return { error: error.message, stack: error.stack };
  if (error && typeof error === 'object') {
    const { message, stack } = error as { message?: unknown; stack?: unknown };
    let text: string;
    try {
      text = typeof message === 'string' ? message : JSON.stringify(error);
    } catch {
      text = Object.prototype.toString.call(error);
    }
    return { error: text, stack: typeof stack === 'string' ? stack : undefined };
  }
  return { error: String(error) };
}

export const log = {
  info: (msg: string, fields?: Fields) => write('info', msg, fields),
  warn: (msg: string, fields?: Fields) => write('warn', msg, fields),
  error: (msg: string, error: unknown, fields?: Fields) => write('error', msg, { ...fields, ...describeError(error) }),
};
