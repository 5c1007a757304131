// A small, cheap guess at the language of a text, Vietnamese or English, so a
// tool can explain its signals in the writer's language. Vietnamese letters
// (ă â đ ê ô ơ ư or a tone mark) settle it at once; otherwise common words of
// each language are counted, Vietnamese typed without diacritics and
// teen-code included ("c oi ck coc giup e nha"). `null` when nothing tells.

const VIETNAMESE_LETTERS = /[ăâđêôơưĂÂĐÊÔƠƯ]|[aeiouyAEIOUY][\u0300\u0301\u0303\u0309\u0323]/;

// Short, frequent words that are (almost) only Vietnamese or only English.
// Left out on purpose: words both use or that amounts leave behind ("a", "me", "do", "day",
// "ban", "shop", "ship", "cod", "k" of 50k, "tr" of 2tr).
const VI_WORDS = new Set(
  'chi em anh minh toi tui cac nha nhe nhen oi ah khong ko kh hok khum dc duoc roi cho cua la va voi thi nhung cung se dang vua moi lam gi sao nao nay kia nua luon ngay giup gium dum xin cam vang coc ck stk sdt ib zl tk mk tien hang gia don giao nhan gui chuyen khoan mua trieu nghin ngan rui hen nhiu ak oke oki bn ntn bh bjo hnay hqua cai chiec hop goi ne nhi ha vay ruoi e c r j o ve tren ma de tu them xem toan quoc lai ben phi ho tro von hinh duyet nhu khi neu bao rat nhieu hon biet muon gio lien dau nen chua vao ra len di ke noi nghi quyet dinh'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  'the you your yours to and is are was were be been i my we our us it its this that these those of in at for from with by as if or but not no yes please thanks thank hi hello dear can could will would should must have has had does did get got send sent pay paid buy order price money account bank card code link here there what when where who how why which just now today tomorrow only also all any some more than very so an s ll re ve d t m per each off over total free orders shipping'.split(
    ' ',
  ),
);

export type GuessedLocale = 'vi' | 'en';

export function guessLocale(text: string): GuessedLocale | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  if (VIETNAMESE_LETTERS.test(sample.normalize('NFD').replace(/\u0111|\u0110/g, 'đ')) || /[đĐ]/.test(sample))
    return 'vi';
  // Links say nothing about the writer's language.
  const words = sample.toLowerCase().replace(/\S*[./]\S*[./]\S*|https?:\S+/g, ' ');
  let vi = 0;
  let en = 0;
  for (const word of words.split(/[^a-z]+/)) {
    if (!word) continue;
    if (VI_WORDS.has(word)) vi++;
    if (EN_WORDS.has(word)) en++;
  }
  if (vi === en) return null;
  return en > vi ? 'en' : 'vi';
}
