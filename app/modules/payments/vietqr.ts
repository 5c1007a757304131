// VietQR (NAPAS 24/7 inter-bank transfer to an account) as an EMVCo merchant-
// presented payload: ID, two-digit length, value, and a CRC-16/CCITT-FALSE over
// everything before it. A payload is text; any QR encoder draws it.

const napasGuid = 'A000000727';
const transferToAccount = 'QRIBFTTA';

export type VietQrInput = {
  /** The receiving bank's NAPAS BIN, six digits. */
  bin: string;
  accountNumber: string;
  /** Whole đồng; the payer's app shows it fixed. */
  amount: number;
  /** The transfer note, e.g. "SEN 7K3Q9X": ASCII letters, digits and spaces only. */
  note: string;
};

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) as four upper-case hex digits. */
export function crc16ccitt(text: string) {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function field(id: string, value: string) {
  if (value.length > 99) throw new RangeError(`VietQR field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Problems that would make a bank app refuse the code, or pay the wrong amount. */
export function vietQrProblem(input: VietQrInput) {
  if (!/^\d{6}$/.test(input.bin)) return 'bin';
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber)) return 'account';
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || String(input.amount).length > 13) return 'amount';
  if (!/^[0-9A-Za-z ]{1,25}$/.test(input.note)) return 'note';
  return null;
}

/** The payload of a dynamic VietQR code for one exact transfer. */
export function vietQrPayload(input: VietQrInput) {
  const problem = vietQrProblem(input);
  if (problem) throw new RangeError(`VietQR ${problem} is not valid`);
  const body =
    field('00', '01') +
    // 12: a code for one payment (its amount is fixed), not a reusable one.
    field('01', '12') +
    field(
      '38',
      field('00', napasGuid) +
        field('01', field('00', input.bin) + field('01', input.accountNumber)) +
        field('02', transferToAccount),
    ) +
    field('53', '704') +
    field('54', String(input.amount)) +
    field('58', 'VN') +
    field('62', field('08', input.note)) +
    '6304';
  return body + crc16ccitt(body);
}

/** Reads the top-level fields of a payload and checks its CRC: for tests and for checking a pasted code. */
export function readVietQr(payload: string) {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < payload.length) {
    const id = payload.slice(at, at + 2);
    const length = Number(payload.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(length)) return null;
    fields.set(id, payload.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  const crcValid = payload.length > 4 && crc16ccitt(payload.slice(0, -4)) === payload.slice(-4);
  return { fields, crcValid };
}
