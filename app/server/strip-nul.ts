import { Transform, Writable } from 'node:stream';

/**
 * React 18.3.1's renderToPipeableStream writes a stray NUL byte when a multi-byte
 * character (most Vietnamese letters) falls on its 2048-byte chunk boundary. HTML
 * never carries NUL, so the bytes are dropped on the way out.
 */
export function withoutNulBytes(page: Buffer) {
  let at = page.indexOf(0);
  if (at < 0) return page;
  // The stretches between NUL bytes, found with indexOf (memchr) and copied once;
  // a byte-by-byte filter cost 8 % of a signed-in page's CPU.
  const parts: Buffer[] = [];
  let from = 0;
  while (at >= 0) {
    if (at > from) parts.push(page.subarray(from, at));
    from = at + 1;
    at = page.indexOf(0, from);
  }
  if (from < page.length) parts.push(page.subarray(from));
  return Buffer.concat(parts);
}

/** The same, as a stream transform (chunk by chunk). */
export function stripNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, withoutNulBytes(chunk));
    },
  });
}

/**
 * The whole page React writes through `pipe`, as one buffer without NUL bytes
 * (issue 21). Pages are rendered completely before they are sent (onAllReady), so
 * nothing is gained by streaming them: one buffer is one write to the socket and
 * one chunk through Remix's web stream, instead of one per 2 KB React chunk.
 */
export function collectPage(pipe: (destination: Writable) => unknown): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        resolve(withoutNulBytes(Buffer.concat(chunks)));
        callback();
      },
    });
    sink.on('error', reject);
    pipe(sink);
  });
}
