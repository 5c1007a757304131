// Vietnam's 34 provincial-level units after the 2025 merger (Resolution
// 202/2025/QH15, in force from 1 July 2025): 6 centrally run cities and 28
// provinces. Codes are stable identifiers stored in the database.
export const provinces = [
  { code: 'ha-noi', vi: 'Hà Nội', en: 'Hanoi', city: true },
  { code: 'hue', vi: 'Huế', en: 'Hue', city: true },
  { code: 'hai-phong', vi: 'Hải Phòng', en: 'Hai Phong', city: true },
  { code: 'da-nang', vi: 'Đà Nẵng', en: 'Da Nang', city: true },
  { code: 'ho-chi-minh', vi: 'TP. Hồ Chí Minh', en: 'Ho Chi Minh City', city: true },
  { code: 'can-tho', vi: 'Cần Thơ', en: 'Can Tho', city: true },
  { code: 'lai-chau', vi: 'Lai Châu', en: 'Lai Chau', city: false },
  { code: 'dien-bien', vi: 'Điện Biên', en: 'Dien Bien', city: false },
  { code: 'son-la', vi: 'Sơn La', en: 'Son La', city: false },
  { code: 'lang-son', vi: 'Lạng Sơn', en: 'Lang Son', city: false },
  { code: 'quang-ninh', vi: 'Quảng Ninh', en: 'Quang Ninh', city: false },
  { code: 'thanh-hoa', vi: 'Thanh Hóa', en: 'Thanh Hoa', city: false },
  { code: 'nghe-an', vi: 'Nghệ An', en: 'Nghe An', city: false },
  { code: 'ha-tinh', vi: 'Hà Tĩnh', en: 'Ha Tinh', city: false },
  { code: 'cao-bang', vi: 'Cao Bằng', en: 'Cao Bang', city: false },
  { code: 'tuyen-quang', vi: 'Tuyên Quang', en: 'Tuyen Quang', city: false },
  { code: 'lao-cai', vi: 'Lào Cai', en: 'Lao Cai', city: false },
  { code: 'thai-nguyen', vi: 'Thái Nguyên', en: 'Thai Nguyen', city: false },
  { code: 'phu-tho', vi: 'Phú Thọ', en: 'Phu Tho', city: false },
  { code: 'bac-ninh', vi: 'Bắc Ninh', en: 'Bac Ninh', city: false },
  { code: 'hung-yen', vi: 'Hưng Yên', en: 'Hung Yen', city: false },
  { code: 'ninh-binh', vi: 'Ninh Bình', en: 'Ninh Binh', city: false },
  { code: 'quang-tri', vi: 'Quảng Trị', en: 'Quang Tri', city: false },
  { code: 'quang-ngai', vi: 'Quảng Ngãi', en: 'Quang Ngai', city: false },
  { code: 'gia-lai', vi: 'Gia Lai', en: 'Gia Lai', city: false },
  { code: 'khanh-hoa', vi: 'Khánh Hòa', en: 'Khanh Hoa', city: false },
  { code: 'lam-dong', vi: 'Lâm Đồng', en: 'Lam Dong', city: false },
  { code: 'dak-lak', vi: 'Đắk Lắk', en: 'Dak Lak', city: false },
  { code: 'dong-nai', vi: 'Đồng Nai', en: 'Dong Nai', city: false },
  { code: 'tay-ninh', vi: 'Tây Ninh', en: 'Tay Ninh', city: false },
  { code: 'vinh-long', vi: 'Vĩnh Long', en: 'Vinh Long', city: false },
  { code: 'dong-thap', vi: 'Đồng Tháp', en: 'Dong Thap', city: false },
  { code: 'ca-mau', vi: 'Cà Mau', en: 'Ca Mau', city: false },
  { code: 'an-giang', vi: 'An Giang', en: 'An Giang', city: false },
] as const;

export type ProvinceCode = (typeof provinces)[number]['code'];

const byCode = new Map<string, (typeof provinces)[number]>(provinces.map((p) => [p.code, p]));

export function isProvinceCode(value: unknown): value is ProvinceCode {
  return typeof value === 'string' && byCode.has(value);
}

export function provinceName(code: string, locale: 'vi' | 'en') {
  return byCode.get(code)?.[locale] ?? code;
}
