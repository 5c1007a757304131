// What an uploaded recording really is, from its bytes (issue 16): never its
// name or the type the browser declared. Each format is walked far enough to
// tell a whole file from a cut one (an upload that stopped half-way) and from
// something else wearing an audio name (an executable, an HTML page).

export type AudioKind = 'mp3' | 'm4a' | 'ogg' | 'webm';

export const audioContentType = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  webm: 'audio/webm',
} as const satisfies Record<AudioKind, string>;

export type AudioCheck = { ok: true; kind: AudioKind } | { ok: false; error: 'type' | 'truncated' };

const ascii = (b: Uint8Array, at: number, length: number) =>
  at + length <= b.length ? String.fromCharCode(...b.subarray(at, at + length)) : '';

/** The format its first bytes claim, or null (an executable, HTML, an image, ...). */
export function sniffAudio(b: Uint8Array): AudioKind | null {
  if (ascii(b, 0, 4) === 'OggS') return 'ogg';
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'webm';
  if (ascii(b, 4, 4) === 'ftyp') return 'm4a';
  if (ascii(b, 0, 3) === 'ID3' || mp3FrameLength(b, 0) !== null) return 'mp3';
  return null;
}

export function checkAudio(bytes: Uint8Array): AudioCheck {
  const kind = sniffAudio(bytes);
  if (!kind) return { ok: false, error: 'type' };
  const verdict = { mp3: checkMp3, m4a: checkM4a, ogg: checkOgg, webm: checkWebm }[kind](bytes);
  return verdict === 'ok' ? { ok: true, kind } : { ok: false, error: verdict };
}

type Verdict = 'ok' | 'type' | 'truncated';

// ---- Ogg (Opus, Vorbis): pages that fit, the last one marked "end of stream" ----
function checkOgg(b: Uint8Array): Verdict {
  let at = 0;
  let last = 0;
  let pages = 0;
  while (at < b.length) {
    if (ascii(b, at, 4) !== 'OggS') return pages ? 'truncated' : 'type';
    if (at + 27 > b.length) return 'truncated';
    const segments = b[at + 26];
    if (at + 27 + segments > b.length) return 'truncated';
    let body = 0;
    for (let i = 0; i < segments; i++) body += b[at + 27 + i];
    const start = at + 27 + segments;
    if (pages === 0) {
      const codec = ascii(b, start, 8);
      if (codec !== 'OpusHead' && ascii(b, start, 7) !== '\x01vorbis') return 'type';
    }
    if (start + body > b.length) return 'truncated';
    last = b[at + 5];
    at = start + body;
    pages += 1;
  }
  return last & 0x04 ? 'ok' : 'truncated';
}

// ---- MP3: an optional ID3v2 tag, then MPEG layer III frames up to the end ----
const bitrates1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const bitrates2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const rates = [44100, 48000, 32000];

/** The length of the layer III frame starting at `at`, or null when no frame header is there. */
function mp3FrameLength(b: Uint8Array, at: number): number | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1] & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1] >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = (b[at + 1] >> 1) & 3; // 1: layer III
  const bitrateIndex = b[at + 2] >> 4;
  const rateIndex = (b[at + 2] >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const padding = (b[at + 2] >> 1) & 1;
  const rate = rates[rateIndex] / (version === 3 ? 1 : version === 2 ? 2 : 4);
  const bitrate = (version === 3 ? bitrates1 : bitrates2)[bitrateIndex] * 1000;
  return Math.floor(((version === 3 ? 144 : 72) * bitrate) / rate) + padding;
}

function checkMp3(b: Uint8Array): Verdict {
  let at = 0;
  if (ascii(b, 0, 3) === 'ID3') {
    if (b.length < 10) return 'truncated';
    const size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
    at = 10 + size + (b[5] & 0x10 ? 10 : 0);
    if (at >= b.length) return 'truncated';
  }
  let frames = 0;
  while (at < b.length) {
    // Tags that may follow the last frame.
    if (frames && (ascii(b, at, 3) === 'TAG' || ascii(b, at, 8) === 'APETAGEX' || ascii(b, at, 6) === 'LYRICS')) break;
    const length = mp3FrameLength(b, at);
    if (length === null) return frames ? (b.length - at < 4 ? 'truncated' : 'type') : 'type';
    if (at + length > b.length) return 'truncated';
    at += length;
    frames += 1;
  }
  return frames ? 'ok' : 'type';
}

// ---- M4A (MP4 audio): top-level boxes that fit exactly, a movie box with a sound track ----
function checkM4a(b: Uint8Array): Verdict {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 0;
  let moov: [number, number] | null = null;
  while (at < b.length) {
    if (at + 8 > b.length) return 'truncated';
    let size = view.getUint32(at);
    const type = ascii(b, at + 4, 4);
    if (!/^[\x20-\x7e]{4}$/.test(type)) return 'type';
    if (size === 1) {
      if (at + 16 > b.length) return 'truncated';
      size = Number(view.getBigUint64(at + 8));
    } else if (size === 0) size = b.length - at;
    if (size < 8) return 'type';
    if (at + size > b.length) return 'truncated';
    if (type === 'moov') moov = [at, at + size];
    at += size;
  }
  if (!moov) return 'truncated';
  return Buffer.from(b.subarray(moov[0], moov[1])).includes('soun') ? 'ok' : 'type';
}

// ---- WebM (Matroska): the EBML header says "webm", the segment fits ----
function vint(b: Uint8Array, at: number, keepMarker: boolean) {
  if (at >= b.length) return null;
  const first = b[at];
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8 || at + length > b.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let unknown = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + b[at + i];
    unknown &&= b[at + i] === 0xff;
  }
  return { value, length, unknown };
}

function checkWebm(b: Uint8Array): Verdict {
  const headerSize = vint(b, 4, false);
  if (!headerSize) return 'truncated';
  const headerEnd = 4 + headerSize.length + headerSize.value;
  if (headerEnd > b.length) return 'truncated';
  if (!Buffer.from(b.subarray(0, headerEnd)).includes('webm')) return 'type';
  const id = vint(b, headerEnd, true);
  if (!id) return 'truncated';
  if (id.value !== 0x18538067) return 'type';
  const size = vint(b, headerEnd + id.length, false);
  if (!size) return 'truncated';
  // A recording made live (MediaRecorder) may not know its size: it cannot be checked further.
  if (size.unknown) return b.length > headerEnd + id.length + size.length ? 'ok' : 'truncated';
  return headerEnd + id.length + size.length + size.value > b.length ? 'truncated' : 'ok';
}
