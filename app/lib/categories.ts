// The one list of product categories, used by storefronts, listings and search.
export const categories = [
  { code: 'handicrafts', vi: 'Thủ công & dệt may', en: 'Handicrafts & textiles' },
  { code: 'food', vi: 'Thực phẩm & nông sản', en: 'Food & agricultural products' },
  { code: 'fashion', vi: 'Thời trang', en: 'Fashion' },
  { code: 'beauty', vi: 'Làm đẹp', en: 'Beauty' },
  { code: 'home', vi: 'Nhà cửa & đời sống', en: 'Home & living' },
  { code: 'accessories', vi: 'Trang sức & phụ kiện', en: 'Jewellery & accessories' },
  { code: 'kids', vi: 'Mẹ & bé', en: 'Mother & baby' },
  { code: 'services', vi: 'Dịch vụ', en: 'Services' },
] as const;

export type CategoryCode = (typeof categories)[number]['code'];

const byCode = new Map<string, (typeof categories)[number]>(categories.map((c) => [c.code, c]));

export function isCategoryCode(value: unknown): value is CategoryCode {
  return typeof value === 'string' && byCode.has(value);
}

export function categoryName(code: string, locale: 'vi' | 'en') {
  return byCode.get(code)?.[locale] ?? code;
}
