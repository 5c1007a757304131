import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFolderStorage,
  createS3Storage,
  getStorage,
  objectResponse,
  readAll,
  s3SettingsFromEnv,
} from '../app/lib/storage.server';
import { loader as publicFileLoader } from '../app/routes/files.$';
import { call, getRequest } from './support/fixtures';
import { startS3rver, useS3Env } from './support/s3';

const bytes = Buffer.from('%PDF-1.4 test document bytes %%EOF');

describe('folder storage', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sen-files-'));
  const storage = createFolderStorage(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('puts, gets and deletes an object under its key', async () => {
    await storage.put('private/documents/a/1.pdf', bytes, 'application/pdf');
    expect(existsSync(path.join(root, 'private/documents/a/1.pdf'))).toBe(true);
    const object = await storage.get('private/documents/a/1.pdf');
    expect(object?.contentType).toBe('application/pdf');
    expect(object?.size).toBe(bytes.length);
    expect(await readAll(object!.body)).toEqual(bytes);
    await storage.delete('private/documents/a/1.pdf');
    expect(await storage.get('private/documents/a/1.pdf')).toBeNull();
    // Deleting again is not an error.
    await storage.delete('private/documents/a/1.pdf');
  });

  it('refuses keys that could leave its folder', async () => {
    for (const key of ['../etc/passwd', '/abs/x.pdf', 'private/../../x', 'a//b', 'Private/X.pdf']) {
      await expect(storage.put(key, bytes, 'application/pdf')).rejects.toThrow('invalid storage key');
    }
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(files).toEqual([]);
  });

  it('hands out no presigned URL: private objects are streamed by the route that checked the reader', async () => {
    expect(await storage.presignedUrl('private/x.pdf')).toBeNull();
  });
});

describe('the storage chosen by the environment', () => {
  it('is the folder under DATA_DIR/files without S3_BUCKET', async () => {
    const storage = getStorage({ DATA_DIR: '/tmp/sen-x' });
    expect(storage.kind).toBe('folder');
    expect(s3SettingsFromEnv({})).toBeNull();
  });

  it('is S3 with S3_BUCKET, path-style when an endpoint is given', () => {
    const settings = s3SettingsFromEnv({ S3_BUCKET: 'b', S3_ENDPOINT: 'http://127.0.0.1:9000' });
    expect(settings).toMatchObject({ bucket: 'b', region: 'us-east-1', forcePathStyle: true });
    expect(getStorage({ S3_BUCKET: 'b', S3_ENDPOINT: 'http://127.0.0.1:9000' }).kind).toBe('s3');
  });

  it('streams a private object from the folder store, never cached', async () => {
    const storage = getStorage();
    await storage.put('private/documents/t/2.pdf', bytes, 'application/pdf');
    const response = await objectResponse('private/documents/t/2.pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('Content-Security-Policy')).toContain('sandbox');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('serves public objects at /files/<key> and hides private ones there', async () => {
    const storage = getStorage();
    await storage.put('public/logos/abc.png', Buffer.from('png-bytes'), 'image/png');
    await storage.put('private/documents/t/3.pdf', bytes, 'application/pdf');
    const ok = (await call(publicFileLoader, getRequest('/files/public/logos/abc.png'), {
      '*': 'public/logos/abc.png',
    })) as Response;
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Type')).toBe('image/png');
    for (const key of [
      'private/documents/t/3.pdf',
      'public/../private/documents/t/3.pdf',
      'public/logos/missing.png',
    ]) {
      const denied = (await call(publicFileLoader, getRequest(`/files/${key}`), { '*': key })) as Response;
      expect(denied.status, key).toBe(404);
    }
  });
});

describe('S3 storage against a local S3-compatible server', () => {
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  let restore: () => void;
  beforeAll(async () => {
    s3 = await startS3rver();
    restore = useS3Env(s3.env);
  });
  afterAll(async () => {
    restore();
    await s3.stop();
  });

  it('puts, gets and deletes objects with their exact bytes', async () => {
    const storage = getStorage();
    expect(storage.kind).toBe('s3');
    const big = Buffer.alloc(300_000, 7);
    await storage.put('private/documents/s/1.pdf', big, 'application/pdf');
    const object = await storage.get('private/documents/s/1.pdf');
    expect(object?.contentType).toBe('application/pdf');
    // No chunk framing or checksum trailer stored inside the object.
    expect(await readAll(object!.body)).toEqual(big);
    await storage.delete('private/documents/s/1.pdf');
    expect(await storage.get('private/documents/s/1.pdf')).toBeNull();
  });

  it('hands a private object over as a presigned URL living at most 5 minutes', async () => {
    const storage = getStorage();
    await storage.put('private/documents/s/2.pdf', bytes, 'application/pdf');
    const response = await objectResponse('private/documents/s/2.pdf');
    expect(response.status).toBe(302);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    const url = new URL(response.headers.get('Location')!);
    expect(url.origin).toBe(s3.env.S3_ENDPOINT);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(bytes);

    // Asking for longer is capped at 5 minutes.
    const longer = new URL((await storage.presignedUrl('private/documents/s/2.pdf', { expiresInSeconds: 3600 }))!);
    expect(longer.searchParams.get('X-Amz-Expires')).toBe('300');
  });

  it('refuses a presigned URL once it has expired', async () => {
    const storage = createS3Storage(s3SettingsFromEnv(s3.env)!);
    await storage.put('private/documents/s/3.pdf', bytes, 'application/pdf');
    const url = (await storage.presignedUrl('private/documents/s/3.pdf', { expiresInSeconds: 1 }))!;
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const fetched = await fetch(url);
    expect(fetched.status).toBe(403);
  });

  it('streams public objects through the /files route', async () => {
    await getStorage().put('public/covers/c1.webp', Buffer.from('webp-bytes'), 'image/webp');
    const response = (await call(publicFileLoader, getRequest('/files/public/covers/c1.webp'), {
      '*': 'public/covers/c1.webp',
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toContain('immutable');
    expect(await response.text()).toBe('webp-bytes');
  });
});
