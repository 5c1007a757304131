import { describe, expect, it } from 'vitest';
import { closeDb } from '../app/lib/db.server';
import { loader } from '../app/routes/healthz';

describe('GET /healthz', () => {
  it('answers 200 while the database answers', async () => {
    const response = await loader();
    expect(response.status).toBe(200);
  });

  it('answers 503 when the database does not', async () => {
    await closeDb();
    const saved = { url: process.env.DATABASE_URL };
    // Nothing listens on port 1.
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/none';
    try {
      const response = await loader();
      expect(response.status).toBe(503);
    } finally {
      await closeDb();
      if (saved.url) process.env.DATABASE_URL = saved.url;
      else delete process.env.DATABASE_URL;
    }
  });
});
