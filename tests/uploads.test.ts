import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../app/lib/db.server';
import { getStorage, readAll } from '../app/lib/storage.server';
import {
  filesOf,
  prepareFile,
  readMultipartForm,
  sniffFileKind,
  storeUploads,
  uploadLimits,
} from '../app/lib/uploads.server';
import {
  elfExecutable,
  jpegWithGps,
  multipartRequest,
  pngImage,
  svgFile,
  tinyPdf,
  webpImage,
  windowsExecutable,
} from './support/images';

const file = (bytes: Uint8Array, name: string, type: string) => new File([bytes as BlobPart], name, { type });

/** Files in the folder store, under `prefix` (other test files store in parallel). */
function storedFiles(prefix = '') {
  try {
    return readdirSync(path.join(dataDir(), 'files', prefix), { recursive: true, withFileTypes: true }).filter((d) =>
      d.isFile(),
    );
  } catch {
    return [];
  }
}

describe('file kinds by their bytes', () => {
  it('knows JPEG, PNG, WebP and PDF whatever their names', async () => {
    expect(sniffFileKind(await jpegWithGps())).toBe('jpeg');
    expect(sniffFileKind(await pngImage())).toBe('png');
    expect(sniffFileKind(await webpImage())).toBe('webp');
    expect(sniffFileKind(tinyPdf)).toBe('pdf');
  });

  it('knows nothing else: SVG, executables, text', () => {
    expect(sniffFileKind(svgFile)).toBeNull();
    expect(sniffFileKind(elfExecutable)).toBeNull();
    expect(sniffFileKind(windowsExecutable)).toBeNull();
    expect(sniffFileKind(Buffer.from('hello'))).toBeNull();
  });
});

describe('preparing one file', () => {
  it('refuses a renamed executable with a clear message', async () => {
    for (const exe of [elfExecutable, windowsExecutable]) {
      const result = await prepareFile(file(exe, 'cccd.jpg', 'image/jpeg'));
      expect(result).toEqual({ ok: false, error: 'verification.upload.badType' });
    }
  });

  it('refuses an SVG, even named .png', async () => {
    expect(await prepareFile(file(svgFile, 'logo.png', 'image/png'))).toEqual({
      ok: false,
      error: 'verification.upload.badType',
    });
    expect(await prepareFile(file(svgFile, 'logo.svg', 'image/svg+xml'))).toEqual({
      ok: false,
      error: 'verification.upload.badType',
    });
  });

  it('refuses a file over 8 MB', async () => {
    const big = Buffer.alloc(uploadLimits.maxFileBytes + 1, 0);
    big.set([0xff, 0xd8, 0xff], 0);
    expect(await prepareFile(file(big, 'big.jpg', 'image/jpeg'))).toEqual({
      ok: false,
      error: 'verification.upload.tooBig',
    });
  });

  it('refuses a file that only starts like an image', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);
    expect(await prepareFile(file(fake, 'x.jpg', 'image/jpeg'))).toEqual({
      ok: false,
      error: 'verification.upload.unreadable',
    });
  });

  it('re-encodes a photo without its EXIF (GPS position included) and makes a thumbnail', async () => {
    const original = await jpegWithGps(800, 600);
    const before = await sharp(original).metadata();
    expect(before.exif?.includes(Buffer.from('TestPhone'))).toBe(true);

    const result = await prepareFile(file(original, 'photo.jpg', 'image/jpeg'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = await sharp(result.file.body).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(result.file.body.includes(Buffer.from('TestPhone'))).toBe(false);
    const thumb = await sharp(result.file.thumbnail!).metadata();
    expect(thumb.format).toBe('webp');
    expect(thumb.width).toBe(uploadLimits.thumbnailWidth);
    expect(thumb.exif).toBeUndefined();
  });

  it('caps a large photo at 2560 px on its long side', async () => {
    const wide = await sharp({ create: { width: 3200, height: 400, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    const result = await prepareFile(file(wide, 'wide.jpg', 'image/jpeg'));
    expect(result).toMatchObject({ ok: true, file: { width: 2560, height: 320 } });
  });

  it('keeps a PDF as it is, with no thumbnail', async () => {
    const result = await prepareFile(file(tinyPdf, 'giay-phep.pdf', 'application/pdf'));
    expect(result).toMatchObject({ ok: true, file: { kind: 'pdf', contentType: 'application/pdf', thumbnail: null } });
  });

  it('can be limited to images (logos, covers)', async () => {
    expect(await prepareFile(file(tinyPdf, 'logo.pdf', 'application/pdf'), { allow: ['jpeg', 'png', 'webp'] })).toEqual(
      {
        ok: false,
        error: 'verification.upload.badType',
      },
    );
  });
});

describe('storing a request’s files', () => {
  it('stores nothing when one file of the request fails', async () => {
    // A prefix of its own: another test file storing at the same moment must not count.
    const prefix = `private/documents/test-${Date.now()}-${process.pid}`;
    const result = await storeUploads(
      [
        { field: 'documents', file: file(await pngImage(), 'a.png', 'image/png') },
        { field: 'documents', file: file(svgFile, 'b.png', 'image/png') },
      ],
      { prefix },
    );
    expect(result).toEqual({ ok: false, errors: { documents: 'verification.upload.badType' } });
    expect(storedFiles(prefix)).toEqual([]);
  });

  it('stores every file and its thumbnail under fresh keys', async () => {
    const result = await storeUploads(
      [
        { field: 'documents', file: file(await jpegWithGps(), 'cccd.jpg', 'image/jpeg') },
        { field: 'documents', file: file(tinyPdf, 'license.pdf', 'application/pdf') },
      ],
      { prefix: 'private/documents/test' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [photo, pdf] = result.stored;
    expect(photo.key).toMatch(/^private\/documents\/test\/[0-9a-f-]{36}\.jpg$/);
    expect(photo.thumbnailKey).toMatch(/\.thumb\.webp$/);
    expect(pdf.thumbnailKey).toBeNull();
    const object = await getStorage().get(photo.key);
    expect((await sharp(await readAll(object!.body)).metadata()).exif).toBeUndefined();
  });

  it('refuses more than 4 files', async () => {
    const png = await pngImage();
    const files = Array.from({ length: 5 }, (_, i) => ({
      field: 'documents',
      file: file(png, `${i}.png`, 'image/png'),
    }));
    expect(await storeUploads(files, { prefix: 'private/x' })).toEqual({
      ok: false,
      errors: { documents: 'verification.upload.tooMany' },
    });
  });
});

describe('reading a multipart form', () => {
  it('reads fields and files', async () => {
    const request = multipartRequest('/dashboard/verification', {
      intent: 'documents',
      documents: { name: 'cccd.jpg', type: 'image/jpeg', bytes: await jpegWithGps() },
    });
    const result = await readMultipartForm(request);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.form.get('intent')).toBe('documents');
    expect(filesOf(result.form, 'documents')).toHaveLength(1);
  });

  it('turns a 20 MB file into a field error, not a crash', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 1);
    const request = multipartRequest('/dashboard/verification', {
      intent: 'documents',
      documents: { name: 'big.jpg', type: 'image/jpeg', bytes: big },
    });
    const result = await readMultipartForm(request);
    expect(result).toMatchObject({ ok: false, errors: { documents: 'verification.upload.tooBig' } });
  });

  it('refuses a body announced as far too large before reading it', async () => {
    const request = new Request('http://localhost:3000/dashboard', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(200 * 1024 * 1024) },
      body: '--x--',
    });
    expect(await readMultipartForm(request)).toMatchObject({
      ok: false,
      errors: { form: 'verification.upload.tooBig' },
    });
  });

  it('turns a fifth file into a field error', async () => {
    const png = { name: 'a.png', type: 'image/png', bytes: await pngImage() };
    const request = multipartRequest('/dashboard/verification', { documents: [png, png, png, png, png] });
    expect(await readMultipartForm(request)).toMatchObject({
      ok: false,
      errors: { documents: 'verification.upload.tooMany' },
    });
  });

  it('answers 400 to a broken multipart body and 415 to other types', async () => {
    const broken = new Request('http://localhost:3000/dashboard', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data' },
      body: 'garbage',
    });
    const thrown = await readMultipartForm(broken).catch((r: Response) => r);
    expect((thrown as Response).status).toBe(400);
    const json = new Request('http://localhost:3000/dashboard', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(((await readMultipartForm(json).catch((r: Response) => r)) as Response).status).toBe(415);
  });
});
