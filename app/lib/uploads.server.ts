import { randomUUID } from 'node:crypto';
import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node';
import sharp from 'sharp';
import type { MessageKey } from './i18n';
import { getStorage } from './storage.server';

// Checks every uploaded file by its bytes (never its name or declared type),
// re-encodes images (which drops EXIF, GPS included) and makes a thumbnail,
// and only stores anything once every file of the request has passed.

export const uploadLimits = {
  maxFileBytes: 8 * 1024 * 1024,
  maxFiles: 4,
  maxTextBytes: 64 * 1024,
  thumbnailWidth: 320,
  maxImageSide: 2560,
  maxImagePixels: 40_000_000,
};

export type FileKind = 'jpeg' | 'png' | 'webp' | 'pdf';

export const uploadErrors = {
  type: 'verification.upload.badType',
  tooBig: 'verification.upload.tooBig',
  tooMany: 'verification.upload.tooMany',
  unreadable: 'verification.upload.unreadable',
  required: 'verification.upload.required',
} as const satisfies Record<string, MessageKey>;

/** What the bytes are, by their magic numbers; null for anything else (SVG, executables, ...). */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'png';
  if (
    b.length >= 12 &&
    String.fromCharCode(b[0], b[1], b[2], b[3]) === 'RIFF' &&
    String.fromCharCode(b[8], b[9], b[10], b[11]) === 'WEBP'
  )
    return 'webp';
  if (b.length >= 5 && String.fromCharCode(b[0], b[1], b[2], b[3], b[4]) === '%PDF-') return 'pdf';
  return null;
}

class TooManyFilesError extends Error {
  constructor(public field: string) {
    super('too many files');
  }
}

export type MultipartResult =
  { ok: true; form: FormData } | { ok: false; errors: Partial<Record<string, MessageKey>>; form: FormData };

/**
 * Reads a multipart form with every part held in memory under a size limit: a
 * file over 8 MB, a fifth file or an oversized body is a field error, never a
 * 500, with the text fields read so far (put the file inputs last in the form and
 * everything she typed comes back). A non-multipart body is read as usual (400/415 on garbage).
 */
export async function readMultipartForm(request: Request): Promise<MultipartResult> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    if (!type.startsWith('application/x-www-form-urlencoded'))
      throw new Response('Unsupported Media Type', { status: 415 });
    try {
      return { ok: true, form: await request.formData() };
    } catch {
      throw new Response('Bad Request', { status: 400 });
    }
  }
  // Refused before reading when the client announces a body no valid form can have.
  const announced = Number(request.headers.get('Content-Length') || 0);
  const bodyLimit = uploadLimits.maxFiles * uploadLimits.maxFileBytes + 1024 * 1024;
  if (announced > bodyLimit) return { ok: false, errors: { form: uploadErrors.tooBig }, form: new FormData() };

  let files = 0;
  // The text fields read before a failing part: the page keeps what she typed.
  const typed = new FormData();
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    const isFile = typeof filename === 'string';
    const limit = isFile ? uploadLimits.maxFileBytes : uploadLimits.maxTextBytes;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > limit) throw new MaxPartSizeExceededError(name, limit);
      chunks.push(chunk);
    }
    if (!isFile) {
      const text = new TextDecoder().decode(Buffer.concat(chunks));
      typed.append(name, text);
      return text;
    }
    // A file input left empty sends a part with no name and no bytes.
    if (!filename && size === 0) return undefined;
    files += 1;
    if (files > uploadLimits.maxFiles) throw new TooManyFilesError(name);
    return new File(chunks as BlobPart[], filename || 'file', { type: contentType });
  };
  try {
    return { ok: true, form: await unstable_parseMultipartFormData(request, handler) };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return { ok: false, errors: { [error.field]: uploadErrors.tooBig }, form: typed };
    }
    if (error instanceof TooManyFilesError) {
      return { ok: false, errors: { [error.field]: uploadErrors.tooMany }, form: typed };
    }
    throw new Response('Bad Request', { status: 400 });
  }
}

/** The files a form sent under `name` (empty inputs left out). */
export function filesOf(form: FormData, name: string): File[] {
  return form.getAll(name).filter((v): v is File => typeof v !== 'string' && v.size > 0);
}

export type PreparedFile = {
  kind: FileKind;
  ext: 'jpg' | 'png' | 'webp' | 'pdf';
  contentType: string;
  body: Buffer;
  thumbnail: Buffer | null;
  width: number | null;
  height: number | null;
  originalName: string;
};

const extOf: Record<FileKind, PreparedFile['ext']> = { jpeg: 'jpg', png: 'png', webp: 'webp', pdf: 'pdf' };
const typeOf: Record<FileKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/** Checks one file and makes it safe to store; an error is a locale key. */
export async function prepareFile(
  file: File,
  options: { allow?: FileKind[] } = {},
): Promise<{ ok: true; file: PreparedFile } | { ok: false; error: MessageKey }> {
  const allow = options.allow ?? ['jpeg', 'png', 'webp', 'pdf'];
  if (file.size > uploadLimits.maxFileBytes) return { ok: false, error: uploadErrors.tooBig };
  const bytes = Buffer.from(await file.arrayBuffer());
  const kind = sniffFileKind(bytes);
  if (!kind || !allow.includes(kind)) return { ok: false, error: uploadErrors.type };
  const originalName = file.name.slice(0, 120);
  if (kind === 'pdf') {
    if (!bytes.subarray(-1024).toString('latin1').includes('%%EOF'))
      return { ok: false, error: uploadErrors.unreadable };
    return {
      ok: true,
      file: {
        kind,
        ext: 'pdf',
        contentType: typeOf.pdf,
        body: bytes,
        thumbnail: null,
        width: null,
        height: null,
        originalName,
      },
    };
  }
  try {
    // rotate() applies the EXIF orientation before the metadata (GPS included) is dropped:
    // sharp writes no metadata unless asked to.
    // Photos are capped at 2560 px on their long side: still sharp enough to read an ID
    // card, and a 12-megapixel phone photo re-encodes in a fraction of the time.
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: uploadLimits.maxImagePixels }).rotate().resize({
      width: uploadLimits.maxImageSide,
      height: uploadLimits.maxImageSide,
      fit: 'inside',
      withoutEnlargement: true,
    });
    const encoded =
      kind === 'jpeg'
        ? image.clone().jpeg({ quality: 82 })
        : kind === 'png'
          ? image.clone().png({ compressionLevel: 6 })
          : image.clone().webp({ quality: 82 });
    const [{ data: body, info }, thumbnail] = await Promise.all([
      encoded.toBuffer({ resolveWithObject: true }),
      image
        .clone()
        .resize({
          width: uploadLimits.thumbnailWidth,
          height: uploadLimits.thumbnailWidth,
          fit: 'inside',
          withoutEnlargement: true,
        })
        .webp({ quality: 75 })
        .toBuffer(),
    ]);
    return {
      ok: true,
      file: {
        kind,
        ext: extOf[kind],
        contentType: typeOf[kind],
        body,
        thumbnail,
        width: info.width,
        height: info.height,
        originalName,
      },
    };
  } catch {
    return { ok: false, error: uploadErrors.unreadable };
  }
}

export type StoredUpload = {
  key: string;
  thumbnailKey: string | null;
  contentType: string;
  size: number;
  kind: FileKind;
  originalName: string;
  width: number | null;
  height: number | null;
};

/**
 * Checks every file, then stores them all under `prefix` ("public/logos",
 * "private/documents/<id>"): either every file is stored, or none is (one bad
 * file, or a storage failure half-way, leaves nothing behind).
 * Errors come back per field name given in `files`.
 */
export async function storeUploads(
  files: { field: string; file: File }[],
  options: { prefix: string; allow?: FileKind[] },
): Promise<
  | { ok: true; stored: (StoredUpload & { field: string })[] }
  | { ok: false; errors: Partial<Record<string, MessageKey>> }
> {
  if (files.length > uploadLimits.maxFiles) return { ok: false, errors: { [files[0].field]: uploadErrors.tooMany } };
  const prepared: { field: string; file: PreparedFile }[] = [];
  const errors: Partial<Record<string, MessageKey>> = {};
  for (const { field, file } of files) {
    const result = await prepareFile(file, { allow: options.allow });
    if (result.ok) prepared.push({ field, file: result.file });
    else errors[field] ??= result.error;
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  const storage = getStorage();
  const written: string[] = [];
  const stored: (StoredUpload & { field: string })[] = [];
  try {
    for (const { field, file } of prepared) {
      const id = randomUUID();
      const key = `${options.prefix}/${id}.${file.ext}`;
      await storage.put(key, file.body, file.contentType);
      written.push(key);
      let thumbnailKey: string | null = null;
      if (file.thumbnail) {
        thumbnailKey = `${options.prefix}/${id}.thumb.webp`;
        await storage.put(thumbnailKey, file.thumbnail, 'image/webp');
        written.push(thumbnailKey);
      }
      stored.push({
        field,
        key,
        thumbnailKey,
        contentType: file.contentType,
        size: file.body.byteLength,
        kind: file.kind,
        originalName: file.originalName,
        width: file.width,
        height: file.height,
      });
    }
  } catch (error) {
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
  return { ok: true, stored };
}

/** Removes stored objects (e.g. after the database write that should have recorded them failed). */
export async function deleteStored(keys: (string | null | undefined)[]) {
  const storage = getStorage();
  await Promise.allSettled(keys.filter((k): k is string => Boolean(k)).map((key) => storage.delete(key)));
}
