import { Transform } from 'node:stream';

/**
 * React 18.3.1's renderToPipeableStream writes a stray NUL byte when a multi-byte
 * character (most Vietnamese letters) falls on its 2048-byte chunk boundary. HTML
 * never carries NUL, so the bytes are dropped on the way out.
 */
export function stripNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
    },
  });
}
