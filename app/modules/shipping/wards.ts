import wards from './wards.json';

// The wards and communes (xã, phường, đặc khu) of each of the 34 provinces after
// the 2025 merger: 3,321 units, in force from 1 July 2025 (the National Assembly
// Standing Committee's resolutions on communal units). The list is wards.json,
// keyed by Sen's province codes (app/lib/provinces.ts), the official names as they
// are written. A ward is stored by its official name, which is unique within its
// province; what a person types is matched without case or diacritics.

const byProvince = wards as Record<string, string[]>;

/** The official names of a province's wards, in the list's order (empty for an unknown code). */
export function wardsOf(province: string): readonly string[] {
  return byProvince[province] ?? [];
}

/** Lower case, no diacritics (đ → d), single spaces: how typed names are compared. */
export function foldName(value: string) {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const unitPrefix = /^(xa|phuong|dac khu|thi tran) /;

/**
 * The official name of the ward she means in that province, or null when no ward
 * of that province has the name (a ward of another province is refused here).
 * "Bát Xát", "bat xat" and "Xã Bát Xát" all find "Xã Bát Xát" in Lào Cai; a bare
 * name two units share (a "Xã X" and a "Phường X") must be typed in full.
 */
export function findWard(province: string, typed: string): string | null {
  const folded = foldName(typed);
  if (!folded) return null;
  const list = wardsOf(province);
  const exact = list.find((w) => foldName(w) === folded);
  if (exact) return exact;
  const bare = folded.replace(unitPrefix, '');
  const matches = list.filter((w) => foldName(w).replace(unitPrefix, '') === bare);
  return matches.length === 1 ? (matches[0] ?? null) : null;
}
