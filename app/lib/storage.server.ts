import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createReadableStreamFromReadable, redirect } from '@remix-run/node';
import { dataDir } from './db.server';
import { notFound } from './responses';
import { env, type EnvSource } from './env.server';

// The one storage module. With S3_BUCKET set, objects go to any S3-compatible
// store; without, to a folder under DATA_DIR (./data/files). Keys starting with
// "public/" may be served to anyone through /files/<key>; every other key is
// private and only leaves through a route that checked who is asking (S3: a
// presigned URL living at most 5 minutes, folder: streamed by that route).

/** Bytes start..end, both included (HTTP's byte ranges). */
export type ByteRange = { start: number; end: number };

export type StoredObject = { body: ReadableStream<Uint8Array>; contentType: string; size: number | null };

export interface Storage {
  readonly kind: 'folder' | 's3';
  put(key: string, body: Buffer | Uint8Array, contentType: string): Promise<void>;
  /** With a range: only those bytes (lesson audio answers HTTP range requests with it). */
  get(key: string, options?: { range?: ByteRange }): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
  /** S3: a URL that lets its holder read the object for at most 5 minutes. Folder: null (stream it instead). */
  presignedUrl(key: string, options?: { expiresInSeconds?: number; downloadName?: string }): Promise<string | null>;
}

export const maxPresignSeconds = 300;

const keyPattern = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/;

/** Keys are ours, never the user's file names: lower-case segments, no "..", no leading slash. */
export function assertValidKey(key: string) {
  if (!keyPattern.test(key) || key.includes('..') || key.length > 300) throw new Error('invalid storage key');
}

export function isPublicKey(key: string) {
  return key.startsWith('public/');
}

const contentTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  webm: 'audio/webm',
};

export function contentTypeOfKey(key: string) {
  return contentTypes[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

export function createFolderStorage(root: string): Storage {
  const fileOf = (key: string) => {
    assertValidKey(key);
    return path.join(root, ...key.split('/'));
  };
  return {
    kind: 'folder',
    async put(key, body) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, body);
    },
    async get(key, options = {}) {
      const file = fileOf(key);
      try {
        const info = await stat(file);
        if (!info.isFile()) return null;
        const range = options.range;
        return {
          body: createReadableStreamFromReadable(
            createReadStream(file, range ? { start: range.start, end: range.end } : {}),
          ),
          contentType: contentTypeOfKey(key),
          size: range ? Math.max(0, Math.min(range.end, info.size - 1) - range.start + 1) : info.size,
        };
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async presignedUrl() {
      return null;
    },
  };
}

export type S3Settings = {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

export function createS3Storage(settings: S3Settings): Storage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
    // With the SDK's defaults a streamed upload can be stored with its chunk framing inside.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = settings.bucket;
  return {
    kind: 's3',
    async put(key, body, contentType) {
      assertValidKey(key);
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.byteLength,
        }),
      );
    },
    async get(key, options = {}) {
      assertValidKey(key);
      const range = options.range;
      try {
        const out = await client.send(
          new GetObjectCommand({ Bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
        );
        if (!out.Body) return null;
        const web = out.Body.transformToWebStream() as ReadableStream<Uint8Array>;
        return { body: web, contentType: out.ContentType || contentTypeOfKey(key), size: out.ContentLength ?? null };
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'NoSuchKey' || name === 'NotFound') return null;
        throw error;
      }
    },
    async delete(key) {
      assertValidKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async presignedUrl(key, options = {}) {
      assertValidKey(key);
      const expiresIn = Math.min(options.expiresInSeconds ?? maxPresignSeconds, maxPresignSeconds);
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ResponseCacheControl: 'private, no-store',
        ...(options.downloadName
          ? { ResponseContentDisposition: `inline; filename="${options.downloadName.replace(/[^\w.-]/g, '_')}"` }
          : {}),
      });
      return getSignedUrl(client, command, { expiresIn });
    },
  };
}

export function s3SettingsFromEnv(source: EnvSource = process.env): S3Settings | null {
  const settings = env(source);
  if (!settings.S3_BUCKET) return null;
  const endpoint = settings.S3_ENDPOINT;
  return {
    bucket: settings.S3_BUCKET,
    endpoint,
    region: settings.S3_REGION,
    accessKeyId: settings.S3_ACCESS_KEY_ID,
    secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
    // S3-compatible stores (MinIO, s3rver, ...) want path-style addressing.
    forcePathStyle: settings.S3_FORCE_PATH_STYLE ? settings.S3_FORCE_PATH_STYLE === 'true' : Boolean(endpoint),
  };
}

const cache = new Map<string, Storage>();

/** The storage chosen by the environment (re-read on each call, so tests can switch). */
export function getStorage(source: EnvSource = process.env): Storage {
  const s3 = s3SettingsFromEnv(source);
  const signature = s3 ? `s3:${JSON.stringify(s3)}` : `folder:${dataDir(source)}`;
  let storage = cache.get(signature);
  if (!storage) {
    storage = s3 ? createS3Storage(s3) : createFolderStorage(path.join(dataDir(source), 'files'));
    cache.set(signature, storage);
  }
  return storage;
}

const fileHeaders = {
  'X-Content-Type-Options': 'nosniff',
  // A stored PDF or image can never run script in our origin.
  'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
};

/**
 * The response that hands an object to someone the caller already authorized.
 * Private objects: S3 → redirect to a presigned URL (≤ 5 min); folder → streamed, never cached.
 * Public objects: streamed with a long cache (their keys are never reused).
 */
export async function objectResponse(key: string, options: { downloadName?: string } = {}): Promise<Response> {
  const storage = getStorage();
  const isPublic = isPublicKey(key);
  if (!isPublic && storage.kind === 's3') {
    const url = await storage.presignedUrl(key, { downloadName: options.downloadName });
    if (url)
      return redirect(url, { headers: { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' } });
  }
  const object = await storage.get(key);
  if (!object) throw notFound();
  const headers = new Headers({
    ...fileHeaders,
    'Content-Type': object.contentType,
    'Cache-Control': isPublic ? 'public, max-age=31536000, immutable' : 'private, no-store',
  });
  if (object.size !== null) headers.set('Content-Length', String(object.size));
  if (options.downloadName)
    headers.set('Content-Disposition', `inline; filename="${options.downloadName.replace(/[^\w.-]/g, '_')}"`);
  return new Response(object.body, { status: 200, headers });
}

/** The URL a page uses for a public object (logo, cover, listing photo). */
export function publicUrl(key: string | null | undefined) {
  return key && isPublicKey(key) ? `/files/${key}` : null;
}

// Lets tests drain a Node stream into a Buffer without another helper.
export async function readAll(stream: ReadableStream<Uint8Array>) {
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.fromWeb(stream as import('node:stream/web').ReadableStream))
    chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
