import { describe, expect, it } from 'vitest';
import { parseEnv } from '../app/lib/env.server';

describe('settings (app/lib/env.server.ts)', () => {
  it('gives the README’s defaults when nothing is set, and treats empty as unset', () => {
    const env = parseEnv({ PORT: '', LOG_LEVEL: '  ' });
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DB_POOL_SIZE: 10,
      DATA_DIR: 'data',
      WORKER: true,
      LOG_LEVEL: 'info',
      MAIL_FROM: 'Sen <no-reply@sen.local>',
      ESMS_BRANDNAME: 'SEN',
      NOTIFY_DAILY_CAP: 10,
      VIETQR_HOURS: 24,
      PAGE_CACHE_SECONDS: 3,
      OPERATOR_NAME: 'Sen (demo)',
      ALLOWED_HOSTS: [],
    });
    expect(env.APP_URL).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('reads typed values', () => {
    const env = parseEnv({ PORT: '8080', WORKER: 'off', ALLOWED_HOSTS: 'a.vn, b.vn', ESMS_SANDBOX: '1' });
    expect(env).toMatchObject({ PORT: 8080, WORKER: false, ALLOWED_HOSTS: ['a.vn', 'b.vn'], ESMS_SANDBOX: true });
  });

  it('names every wrong variable at once, with what it should be', () => {
    let message = '';
    try {
      parseEnv({ PORT: 'eighty', LOG_LEVEL: 'debug', APP_URL: 'sen.example.vn', WEB_CONCURRENCY: '0' });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toMatch(/PORT="eighty"/);
    expect(message).toMatch(/LOG_LEVEL="debug"/);
    expect(message).toMatch(/APP_URL="sen.example.vn": a full URL/);
    expect(message).toMatch(/WEB_CONCURRENCY="0"/);
  });
});
