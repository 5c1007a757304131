/** A URL slug without Vietnamese diacritics: "Gốm Bát Tràng Đẹp" → "gom-bat-trang-dep". */
export function slugify(text: string, maxLength = 80) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}
