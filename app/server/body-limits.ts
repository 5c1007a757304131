import type { NextFunction, Request, Response } from 'express';
import { uploadLimits } from '../lib/uploads.server';

// Limits on what a client may send, enforced on the bytes as they arrive (never
// trusting Content-Length alone): a body over its limit, or a form with too many
// fields, is answered 413 at once and the connection closed, so no request can
// hold the process's memory or CPU. Forms are small; uploads are what the upload
// reader accepts anyway (uploads.server.ts), plus room for the form's own fields.

export const bodyLimits = {
  formBytes: 64 * 1024,
  formFields: 500,
  multipartBytes: uploadLimits.maxFiles * uploadLimits.maxFileBytes + 1024 * 1024,
  otherBytes: 1024 * 1024,
};

const withBody = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ampersand = 0x26;

function refuse(req: Request, res: Response) {
  res.locals.bodyRefused = true;
  if (!res.headersSent) {
    // The rest of the body is never read: the connection ends with the answer.
    res.status(413).set('Connection', 'close').type('text/plain').send('Payload Too Large');
  }
  if (res.writableFinished) req.socket.destroy();
  else res.once('finish', () => req.socket.destroy());
}

export function limitBodies(limits = bodyLimits) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!withBody.has(req.method)) return next();
    const type = (req.get('content-type') ?? '').toLowerCase();
    const isForm = type.startsWith('application/x-www-form-urlencoded');
    const maxBytes = type.startsWith('multipart/form-data')
      ? limits.multipartBytes
      : isForm
        ? limits.formBytes
        : limits.otherBytes;
    const announced = Number(req.get('content-length'));
    if (Number.isFinite(announced) && announced > maxBytes) return refuse(req, res);
    let bytes = 0;
    // A urlencoded form has one field more than it has '&'.
    let fields = 1;
    const count = (chunk: Buffer) => {
      bytes += chunk.length;
      if (isForm) for (let i = chunk.indexOf(ampersand); i !== -1; i = chunk.indexOf(ampersand, i + 1)) fields += 1;
      if (bytes > maxBytes || fields > limits.formFields) {
        req.off('data', count);
        refuse(req, res);
      }
    };
    // Counted alongside Remix's own reader: both listeners see every chunk.
    req.on('data', count);
    next();
  };
}
