// Word classes over the canonical text (see normalise.ts): folded Vietnamese,
// expanded abbreviations and English, words separated by single spaces.
// Each class is a list of alternatives; `words()` turns it into a whole-word
// pattern. Write every Vietnamese entry WITHOUT diacritics.

export function words(...alternatives: string[]): RegExp {
  return new RegExp(`(?<= )(?:${alternatives.join('|')})(?= )`, 'g');
}

export const banks =
  'vietcombank|techcombank|mbbank|mb bank|acb|bidv|vietinbank|agribank|tpbank|vpbank|sacombank|hdbank|ocb|shb|vib|msb|seabank|eximbank|lpbank|scb|abbank|pvcombank|kienlongbank|baovietbank|timo|cake bank';

/** Where words point back to the platform or to paying on delivery: safe context for payment talk. */
export const platform = words(
  '(?:qua|tren|trong|o|bang|via|through|on|in|inside|within|using) (?:the )?(?:sen|app(?! ngan hang| bank)|ung dung(?! ngan hang)|nen tang|san|platform|sen chat|sen wallet|vi sen)',
  'vi sen',
  'sen wallet',
  'here on sen',
  'cod',
  'thanh toan khi nhan(?: hang)?',
  '(?:tra|tra tien|thanh toan) (?:\\w+ )?khi nhan(?: hang)?',
  'on delivery',
  'cash on delivery',
  'pay the courier',
  'nhan hang (?:kiem tra |roi |ok |xong )*(?:roi|moi) (?:tra|thanh toan)',
  'nhan hang roi tra',
  'checkout',
  'buoc thanh toan',
  'sen (?:se |moi |da |roi )?(?:chuyen|tra|hoan|giu|pays|refunds|holds|transfers)',
  'cua sen',
  '(?:muc|trang|phan) (?:\\w+ ){0,2}(?:tren |trong )sen',
  // Issue 18: the VietQR code Sen draws on the order page, into the account Sen verified, is the safe way to transfer.
  // Only the QR itself ("chup trang don hang Sen" is not), and never with an account number in its clause.
  '(?:ma )?qr (?:tren|trong|o|cua) (?:\\w+ ){0,2}(?:trang|muc) don hang(?![^|]*(?:zzacct|tai khoan|account))',
  'qr(?: code)? (?:on|in) (?:the |your |my )?(?:sen )?order(?:\'s)? page(?![^|]*(?:zzacct|tai khoan|account))',
);

/** Single-word negators; the rule engine adds context checks for the ambiguous ones. */
export const negators = new Set(['mien', 'khong', 'chang', 'chua', 'nothing', 'none', 'zero', 'never', 'not', 'avoid', 'refuse', 'nobody', 'without', 'nor', 'neither', 'dung', 'cam', 'no']);
/** "dung" is đừng (don't) only before a verb; otherwise dùng/đúng. */
export const dungVerbs = new Set(['bao', 'chuyen', 'gui', 'cung', 'doc', 'cho', 'bam', 'click', 'cai', 'tin', 'chia', 'nap', 'dua', 'tra', 'dat', 'coc', 'nhan', 'ket', 'add', 'vao', 'truy', 'mua', 'lam', 'ke', 'tai', 'nghe', 'thanh', 'vay']);
/** "chua" (not yet) refuses only before these ("chua can coc"); else it is a state ("tien chua ve"). */
export const chuaVerbs = new Set(['can', 'phai', 'nhan', 'lay', 'thu', 'bao gio', 'bao', 'dung', 'tung', 'yeu']);
/** First words of an answer that says no ("Coc a? Khong dau."). */
export const answersNo = new Set(['no', 'nope', 'khong', 'never', 'chang', 'nah']);
/** "no" is English only before these (else it may be nó). */
export const noObjects = new Set(['deposits', 'payments', 'prepayments', 'transfers', 'passwords', 'charges', 'tax', 'taxes', 'upfront', 'cod', 'cash', 'wallet', 'chat', 'whatsapp', 'fake', 'scam', 'card', 'cards', 'code', 'codes', 'pin', 'id', 'photo', 'photos', 'remote', 'app', 'apps', 'install', 'download', 'deposit', 'need', 'fee', 'fees', 'private', 'one', 'transfer', 'transfers', 'otp', 'password', 'money', 'payment', 'charge', 'rush', 'extra', 'hidden', 'additional', 'more', 'zalo', 'telegram', 'link', 'links', 'prepayment', 'advance']);
/** A negator after these is a condition or threat, not a refusal: "neu khong coc...", "ma khong coc la...". */
export const conditionals = new Set(['neu', 'if', 'ma', 'hoac', 'or', 'unless', 'otherwise']);

/** A sentence that talks ABOUT scams (a warning, a report, a lesson) is not one. */
export const warning = words(
  'lua dao',
  'ke gian',
  'ke xau',
  'gia danh',
  'gia mao',
  'mao danh',
  'mao nhan',
  'scam\\w*',
  'fraud(?!\\w* (?:department|team|prevention|unit|division))\\w*',
  'pretend\\w*',
  'impersonat\\w*',
  'phishing',
  'neu (?:co )?ai',
  'bat (?:ky|cu) ai',
  'ai (?:nhan|nhan tin|xin|doi|goi|hoi|yeu cau|bat|keu|bao(?! gio))',
  'if (?:someone|anyone|somebody)',
  '(?:anyone|someone|somebody) (?:asking|who|that|says|asks)',
  'nhan duoc (?:tin nhan|cuoc goi)',
  '(?:got|received|get) (?:a|an|this) (?:\\w+ )?(?:message|call|text|sms|email)',
  '(?:da )?bao (?:cho )?can bo',
  'reported',
  'khoa hoc (?:day|noi|dan|nhac)',
  '(?:trong|theo) khoa hoc',
  'hoc (?:xong |qua |duoc )?bai',
  '(?:the|this|in the) (?:course|lesson)(?: \\w+)? (?:says|said|taught|teaches)',
  'in the (?:course|lesson)',
  'co giao (?:dan|noi|bao|day|nhac|canh bao)',
  'bai hoc',
  // telling what happened to oneself: "có người gọi xưng công an…", "a lady asked me to install…"
  'xung (?:la )?',
  'tu xung',
  'nguoi la',
  'co (?:nguoi|dua|ke|thang|con|ba|ong|may nguoi) (?:\\w+ ){0,2}(?:goi|nhan|nhan tin|xin|doi|bat|hoi|bao|dong vai)',
  '(?:da )?bao (?:lai )?(?:hoi|cong an|ngan hang|sen)(?! (?:em|chi|minh|toi))',
  'tat may',
  'cup may',
  'chan (?:so|luon|nick|tai khoan do)',
  '(?:someone|somebody|a (?:man|woman|lady|guy|stranger|caller|person|buyer|seller)|they|he|she) (?:\\w+ )?(?:asked|told|wanted|tried|called|texted|messaged|rang)',
  'i (?:refused|ignored|declined|hung up|blocked|deleted|reported)',
  '(?:hung up|blocked (?:her|him|them|the number))',
);

// --- payment off the platform ---
export const transfer = words(
  'chuyen khoan',
  'chuyen tien',
  'chuyen (?:truoc|lai|ngay|gap|luon)',
  'chuyen cho (?:em|minh|toi|anh|chi|shop|ben em)',
  'chuyen zzmoney',
  'chuyen (?:vao|qua|ve|sang) (?:so tai khoan|tai khoan|vi|so zzacct|zzacct)',
  '(?:chuyen|gui|nop|ck) (?:\\w+ ){0,3}(?:vao|qua|sang) (?:so )?zzacct',
  '(?:chuyen|gui|nop|ck)(?: tien)? (?:vao|qua|sang) (?:so|tai khoan|stk|so tai khoan) (?:nay|duoi|ben duoi|sau|nay nhe)',
  'chuyen (?:het|toan bo|tat ca)(?: \\w+)?',
  'sang (?:so )?tai khoan (?:nay|nay de|moi|an toan|tam giu)',
  'gui tien',
  'banking',
  'transfer\\w* (?:(?:the|a|your|my|this|that|it|some|all) )?(?:money|payment|deposit|zzmoney|funds|savings|cash|amount|now|to (?:my|this|the|our|me|her|him))',
  'transfer (?:it|them) (?:to|now)',
  '(?:private|direct|bank|wire|money) transfers?',
  'by (?:bank )?transfer',
  'wire (?:the|it|me|money|zzmoney|transfer)',
  'move (?:your |the |all |all your )?(?:money|funds|savings)',
  'send (?:me )?(?:the )?money',
  'send (?:it|the money|the payment) to',
  'send (?:me |us |her |him )?zzmoney',
  'pay (?:me|us)(?: \\w+){0,6} (?:account|momo|wallet)',
  '(?:to|into) (?:my|your|her|his) (?:personal|private|own) (?:bank )?account',
  'vao tai khoan (?:ca nhan|rieng)',
  '(?:pay|send|transfer) (?:me |us )?zzmoney (?:to|via|into|through|on) (?:my|this|her|his|our|the)',
  'gui (?:em|minh|toi|anh|shop|ben em) zzmoney',
  'lend (?:me|us)',
  'transfer (?:me|us|her|him) zzmoney',
  'bank (?:it|the money|the payment|that)(?: to me)?',
  '(?:chuyen khoan|chuyen|ck) (?:thang|truc tiep) (?:cho|vao|qua)',
  '(?:gui|chuyen|nap|ck|dong) (?:\\w+ ){0,4}zzmoney (?:vao|qua|sang) (?:tai khoan|so tai khoan|stk|vi|momo)',
  'zzmoney (?:to|into) (?:my|this|our|her|his) (?:\\w+ )?(?:account|momo|wallet)',
  '(?:chuyen|ck) (?:giup|gium|ho|cho) (?:em|minh|toi|tui) zzmoney',
  '(?:pay|send|transfer|wire)(?: \\w+){0,4} (?:via|by|through|with|using) (?:e ?transfer|interac|wise|remitly|revolut|skrill|payoneer)',
  'cho (?:em|minh|toi|tui) (?:muon|vay)(?: tien| zzmoney)?',
  '(?:quet|scan)(?: \\w+){0,3} qr(?: code)?(?: \\w+){0,5} (?:chuyen|thanh toan|tra tien|pay|transfer)',
);
export const account = words('so tai khoan', 'tai khoan (?:ngan hang|nh|ca nhan|rieng)', 'account number', 'bank account', 'my account', '(?:personal|private|own) account', 'account name', 'acct', 'ten (?:chu )?tai khoan', 'zzacct', banks);
/** Words that make a long number an account number. */
export const accountContext = words('so tai khoan', 'tai khoan', 'account', 'chuyen khoan', 'transfer\\w*', 'ngan hang', 'bank', banks);
export const ewallet = words('momo', 'zalopay', 'zalo pay', 'viettelpay', 'viettel pay', 'viettel money', 'shopeepay', 'shopee pay', 'vnpay', 'moca', 'vi dien tu', 'e wallet', 'ewallet', 'paypal', 'payoo', 'smartpay', 'zelle', 'venmo', 'cash ?app', 'apple pay', 'google pay', 'gpay', 'samsung pay', 'alipay', 'wechat pay', 'revolut', 'skrill', 'payoneer', 'e ?transfer', 'interac');
/** Money-transfer services: on a local marketplace nobody honest asks to be paid this way. */
export const remittance = words('western union', 'moneygram', 'money gram', 'remitly', 'worldremit', 'ria money', 'xoom', 'wise(?= (?:to|transfer|account))', 'by wise', 'via wise', 'wire transfer', 'bank wire', 'money order');
export const giftOrCrypto = words(
  'the cao',
  '(?:phone|top ?up|scratch|prepaid) cards?',
  'top ?up (?:my|your|the) phone',
  'the serial',
  'nap (?:the|card) dien thoai',
  'the (?:viettel|vina\\w*|mobi\\w*|vietnamobile|garena|zing|gate|steam|google play|apple|itunes)', '(?:scratch|silver|hidden) (?:strip|panel|area)',
  'menh gia',
  '(?:pin|card|voucher) codes? (?:on|from|under) the (?:back|card)',
  'ma the cao',
  'seri the',
  'gift ?cards?',
  'the qua tang',
  'google play(?: cards?)?',
  'itunes(?: cards?)?',
  'apple (?:gift )?cards?',
  'steam (?:cards?|wallet)',
  'usdt',
  'usdc',
  'tether',
  'binance',
  'bitcoin',
  'btc',
  'ethereum',
  'crypto\\w*',
  'tien ao',
  'tien dien tu',
  'tien ma hoa',
  'okx',
  'bybit',
  'trc20',
);
export const deposit = words('coc', 'dat coc', 'tien coc', 'deposit\\w*', 'giu (?:cho|suat|slot)', 'reserve', 'hold the item', '(?:booking|reservation|holding) (?:fee|money|payment)');
/** "hold it for you": a deposit only when money is asked for in the same sentence. */
export const holdFor = words('(?:hold|reserve|keep|save|secure|lock) (?:it|this|them|the \\w+|both \\w+|(?:your|my) \\w+)(?: for (?:you|me))?', '(?:lock|secure) (?:in )?the (?:price|deal|slot)', 'giu (?:hang|don|slot|suat|gia|lai)(?: cho)?', 'len don', 'chot don');
/** A share of the price: with a deposit or a prepayment, as telling as an amount. */
export const share = words('zzmoney', '\\d+ ?%', 'mot nua', 'nua (?:tien|gia|so tien)', 'half', 'full (?:amount|price|payment|tien)', 'toan bo (?:tien|so tien)', 'het tien', 'du tien', 'the (?:whole|full|total) (?:amount|price|sum)');
/** Refusing cash on delivery: with a prepayment, a sign of a seller who means to vanish. */
export const noCod = words('(?:khong|chang) (?:nhan|ho tro|lam|ship|giao|ap dung) cod', 'no cod', 'no cash on delivery', 'cod (?:is )?not (?:available|accepted|possible|offered)', '(?:do not|cannot|can not|will not) (?:do|accept|offer) (?:cod|cash on delivery)');
/** "lend me", "I'll pay you back tomorrow": someone asking to borrow. */
export const borrow = words('(?:lend|loan|front) (?:me|us)', '(?:i|we) (?:will|ll) (?:pay|give|send) (?:it |you |that )?(?:back|(?:you )?double)', 'pay you back', 'return it (?:as soon as|when|tomorrow|next)', '(?:muon|vay) (?:\\w+ )?(?:tien|zzmoney)', 'cho (?:em|minh|toi|tui|chau) (?:muon|vay)', '(?:mai|toi|chieu|cuoi (?:tuan|thang)|hom khac|lat|sau) (?:em|minh|toi|tui|anh|chi) (?:tra|gui lai|gui tra|hoan|gui tien lai)', '(?:em|minh|toi|tui) tra (?:lai )?(?:gap doi|sau|lien)', '(?:tra|gui) lai (?:gap doi|x2)', 'nap giup', 'nap ho', 'chuyen giup (?:em|minh|toi)', 'mua (?:giup|ho) (?:em|minh|toi|tui)');
/** A profit promised for money put in: investment and task fraud. */
export const returnPromise = words('guarantee\\w* (?:\\w+ ){0,2}(?:profit|returns?|income|interest|payout)', '(?:profit|returns?|interest|lai|loi nhuan) (?:of )?\\d+ ?% (?:a|per|moi|mot|each|every)? ?(?:day|week|month|ngay|tuan|thang)', '\\d+ ?% (?:profit|returns?|interest|lai|bonus|hoa hong|commission)', '(?:moi|mot|each|every|per|a) (?:ngay|tuan|day|week) (?:lai|loi|profit|return)', '(?:chac chan|dam bao|cam ket|bao dam) (?:co )?(?:lai|loi|loi nhuan|hoan von)', 'double your (?:money|investment)', '(?:put|invest|deposit|gop|nap|bo) (?:in )?(?:von )?zzmoney (?:[\\w|]+ ){0,3}(?:get|receive|nhan|thu|lay) (?:ve |lai |back )?zzmoney', '(?:nap|gop von|dau tu|invest) zzmoney (?:[\\w|]+ ){0,3}(?:nhan|lai|thu ve|get|earn) zzmoney', 'gop von', 'investment (?:group|club|plan|package)', 'nhom dau tu', 'rut (?:bat cu|bat ky) luc nao', 'withdraw any ?time');
/** Paying or talking elsewhere to avoid the platform's fees or eyes. */
export const evadePlatform = words('(?:bo qua|khong qua|ne|tranh|khoi|do) (?:\\w+ ){0,2}(?:phi|hoa hong)(?: app| san| sen)?', '(?:chuyen khoan|chuyen|ck|tra|bank it|pay|send it|transfer it) (?:\\w+ ){0,3}(?:thang|truc tiep|directly)','privately', 'in private', 'rieng', 'ngoai (?:sen|san|app)', '(?:avoid|skip|save|saves|dodge|no|without) (?:\\w+ ){0,3}(?:fees?|commission|platform fee|cut)', '(?:tranh|khoi|do|bot|mat) (?:phi|hoa hong)(?: san| sen)?', 'friends (?:and|&) family', 'f ?n ?f', '(?:skip|skipping|cut out|cutting out|avoid|bypass|without) (?:the |any )?middle ?m[ae]n', '(?:bo qua|khong qua|khoi qua|ne|tranh) (?:ben )?trung gian', '(?:ben nay|tren nay|o day|app|san|sen|here|this app|the app|the platform)(?: \\w+){0,3} (?:thu|tru|lay|an|takes?|charges?|eats?)(?: \\w+){0,2} (?:phi|hoa hong|fees?|commission|cut)', 'outside (?:sen|the app|the platform|of sen)');
/** An emergency told to rush a transfer: "your child is in hospital". */
export const emergency = words('lost my phone', 'new number', 'mat dien thoai', 'so moi', 'doi so', 'tai nan', 'cap cuu', 'benh vien', 'nhap vien', 'phau thuat', 'mo gap', 'accident', 'hospital\\w*', 'emergency', 'surgery', 'bi bat', 'dong vien phi', 'vien phi', 'arrested');
/** Doing the money part at an ATM while someone talks you through it. */
export const atmGuide = words('(?:ra|den|toi|go to|at)(?: the)?(?: nearest)? (?:cay |may )?atm', 'atm (?:gan nhat|nearest)', 'follow my (?:instructions|steps)', '(?:lam|thao tac) theo (?:huong dan|chi dan|loi) cua (?:em|toi|minh|anh)');
export const prepay = words(
  '(?:chuyen khoan|chuyen|thanh toan|tra|gui tien|pay|ung)(?: \\w+){0,4} truoc',
  'dat truoc (?:\\w+ ){0,3}(?:tien|zzmoney|\\d+ ?%)',
  '(?:dat|gui|chuyen|dong|coc|ung) truoc (?:\\w+ )?(?:mot it|mot chut|chut dinh|chut xiu|it tien|mot phan)',
  'gui truoc (?:cho )?(?:\\w+ )?zzmoney',
  'gui (?:\\w+ ){0,3}zzmoney (?:\\w+ ){0,2}truoc',
  '(?:an |a |small |the )?advance (?:of|payment)',
  '(?:make|pay|send) (?:\\w+ ){0,2}advance',
  '(?:truoc|upfront|first) (?:full|het|toan bo|100 ?%)',
  'pay (?:me )?(?:half|\\d+ ?%|zzmoney) (?:now|today|first)',
  '(?:half|\\d+ ?%) (?:now|first|upfront|up front)',
  'truoc (?:zzmoney|\\d+%)',
  'pay (?:\\w+ ){0,3}(?:first|upfront|in advance)',
  'pay (?:him|her|them|the driver|the courier|the shipper)(?: \\w+){0,3} (?:fee|zzmoney)',
  'ung (?:truoc )?(?:phi|tien)',
  '(?:refund|pay) you (?:back|later|with)',
  'tra lai (?:chi|ban|em) sau',
  'prepayment',
  'advance payment',
  'down payment',
  'gui (?:truoc )?(?:zzmoney|\\d+%)(?: \\w+){0,2} truoc',
  'upfront',
  'in advance',
  'before i (?:ship|send)',
  'then i (?:will|ll) (?:ship|send)',
  '(?:roi|xong) (?:em|minh|shop) (?:moi )?(?:gui|giao|ship)(?: hang)?',
  'moi (?:gui|giao|giu|len) (?:hang|don)',
);
export const feeFirst = words('first', 'truoc', 'in advance', 'upfront', 'beforehand');
export const feeDemand = words('requires?', 'needs?', 'must', 'phai', 'can', 'bat buoc', 'yeu cau');
export const payVerb = words('(?:tra|thanh toan) (?:bang|qua)', 'thanh toan', 'tra tien', 'chuyen', 'gui', 'nop', 'dong(?! goi| cua| hop| thung)', 'nap', 'pay', 'paid', 'payments?', 'send', 'transfer', 'mua', 'buy', 'take', 'nhan', 'accept', 'reserve', 'venmo', 'zelle', 'paypal', 'quet ma', 'scan');
export const money = words('zzmoney');
/** Verbs that ask for a fee to be paid. */
export const feeVerb = words('paid', 'sent', 'payable', 'settle\\w*', 'pay', 'due', 'owe', 'ung', 'nop', 'dong(?! goi| cua| hop| thung)', 'nap', 'chuyen(?: khoan)?', 'send', 'transfer', 'top ?up', 'thanh toan', 'tra');

// --- secrets and documents ---
export const otp = words(
  'otp',
  'ma xac thuc',
  'ma xac minh',
  'ma kich hoat',
  'ma bao mat',
  'ma \\d+ so',
  'ma so vua',
  '(?:id|ma|ma so) (?:and|va) (?:password|mat khau)(?: \\w+){0,2} (?:on|tren) (?:the |your )?(?:screen|man hinh)',
  'ma (?:\\w+ ){0,2}vua (?:gui|nhan|toi|ve|den)',
  'ma (?:dang nhap|login)',
  'day \\d+ so',
  '\\d+ so vua',
  '(?:code|passcode|numbers|digits|ma|so) (?:that )?(?:\\w+ ){0,2}(?:popped up|appeared|showing|hien (?:len|ra|tren))',
  '(?:login|sign ?in|log ?in) (?:code|pin)',
  'ma xac nhan (?:vua|\\d+ so)',
  '\\d+ digit code',
  '(?:\\d+|four|six|eight) digits? (?:\\w+ )?(?:code|number|pin|so)',
  '(?:confirmation|verification|activation) (?:number|pin)',
  'code (?:\\w+ ){0,2}(?:went|came|arrived|was sent|got sent|sent) to (?:your|ur) (?:phone|number|mobile|sms)',
  'code (?:you|u) (?:will |ll |are going to |re going to )?(?:receive|get)',
  'code (?:\\w+ ){0,4}(?:by|via|in an?) (?:sms|text)',
  '(?:the )?(?:code|number|digits|numbers) (?:in|from) (?:the|that|your) (?:text|sms|message)',
  '(?:numbers|digits) (?:you|we) (?:just )?(?:got|received)',
  'ma (?:xac nhan|so|code) (?:\\w+ ){0,2}(?:ngan hang|he thong|tong dai|tin nhan|sms)(?: \\w+){0,2} (?:gui|vua|ve)',
  '(?:day so|ma|so) (?:\\w+ ){0,2}(?:trong|tu) (?:tin nhan|sms)',
  'verification code',
  'security code',
  'sms code',
  'code (?:you|we|i|they) (?:just )?(?:received|got|sent|texted|messaged|smsed)',
  'one time (?:password|code)',
  '(?:ma|day so|code)(?: \\w+){0,3} \\d+ (?:chu )?so',
  'ma sms',
  'sms code',
  'ma (?:trong )?tin nhan (?:vua|ngan hang)',
  'day so (?:vua|gui|trong tin nhan)',
  '(?:the )?code (?:that |which )?(?:was |were )?(?:just )?(?:texted|sent|messaged|smsed)',
  'read (?:me )?the code',
  '(?:ma|so|code|\\d+ so)(?: \\w+){0,2} (?:gui|vua gui|nhan duoc|vua nhan|sent|received) (?:ve|toi|den|to) (?:may|dien thoai|so dien thoai|your phone)',
);
export const pin = words('expir(?:y|ation) date', '(?:your|ur) (?:\\w+ )?pin', 'pin (?:ngan hang|banking|the)', 'ma pin (?:\\w+ )?(?:ngan hang|the|atm)', '(?:\\d+|three|ba) (?:digits|numbers|so|chu so) (?:on|o|at|phia) (?:the )?(?:back|mat sau|mat lung)', '\\d+ (?:digits|numbers|so) (?:on|of|tren|cua) (?:your |the )?(?:card|the)', 'card (?:number|no|details|info)', 'so the (?:atm|ngan hang|tin dung|ghi no)', 'ngay het han', '(?:3|three|ba) (?:digits|so) (?:on the back|o mat sau|mat sau|sau the)', 'ngay het han (?:cua )?the', 'card s (?:number|details|expiry)', 'ma pin', 'pin (?:the|atm|code|number)', '(?:the|card|atm) pin', 'pin of (?:your|the) card', 'cvv', 'cvc', 'so the(?! thanh vien)', 'card number', 'card details');
export const password = words('your (?:\\w+ )?login', 'mat khau', 'mat ma', 'password', 'pass', 'passcode', 'thong tin dang nhap', 'login (?:details|info|id|name)', 'bank login', 'ten dang nhap', '(?:your|ur) (?:\\w+ )?(?:user ?name|login name)', 'online banking (?:\\w+ )?(?:login|details|username|password|access)', '(?:internet|online|mobile) banking', 'tai khoan (?:dang nhap|internet banking|banking)');
/** A bank card: a photo of both its sides gives away its number and CVV. */
export const bankCard = words('bank card', 'credit card', 'debit card', 'atm card', 'visa card', 'the (?:ngan hang|atm|tin dung|ghi no|visa|master\\w*)');
/** Words that point back to a code named in the sentence before ("forward IT to me"). */
export const codeReference = words('it', 'that', 'this', 'them', 'no', 'ma do', 'ma nay', 'ma', 'code', 'otp', 'so do', 'day so');
/** Advice about one's own password, not a request for it. */
/** Asking to sign in with one's bank or account somewhere: a credential request in itself. */
export const credentialUse = words('(?:register|sign up|dang ky|dang nhap|log ?in)(?: \\w+){0,12} (?:with|using|bang|voi) (?:your |tk |tai khoan |so tai khoan )?(?:bank|ngan hang|banking)(?: \\w+){0,2}', 'log ?in with your (?:bank|account|banking)', 'dang nhap (?:bang|voi) (?:tai khoan )?ngan hang', 'login (?:with|using) your bank');
export const passwordAdvice = words('(?:doi|dat|tao|change|reset|create|forgot|quen|strong|manh|chon) (?:\\w+ )?(?:mat khau|password)', '(?:mat khau|password) (?:manh|strong|moi|new|reset|wifi|wi fi)', 'wifi (?:mat khau|password)');
export const request = words(
  'gui(?! ve| toi may| den may)',
  'cung cap',
  'xin',
  'doc',
  '(?<!tu )nhap(?! (?:\\w+ )?(?:vao|vo|o) (?:dau|cho nao|o nao))',
  'dien(?! thoai| luc| may| tu)',
  'dua',
  'chia se',
  'hoi (?:mat khau|ma|otp|xin|so|pass)',
  'tell',
  'send',
  'give',
  'share',
  'read',
  'provide',
  'confirm',
  'reply',
  'type',
  '(?<!where (?:do|should|can) i )enter',
  'what s',
  'what is',
  'la gi',
  'need',
  'yeu cau',
  'forward',
  'chuyen tiep',
  'chup',
  'cho (?:em|minh|toi|anh|tui|shop|ben em)(?: xin)?',
  'needs?',
  'requires?',
  'want',
  'pass (?:it|that|them|the \\w+) (?:along|on|over|to me)',
  'what (?:does it|do they) say',
  'show me',
  'tell me',
  'upload',
  'text me',
  'reply with',
  'sending',
  'giving',
  'sharing',
  'telling',
  'reading',
  'entering',
  'typing',
  'providing',
  'forwarding',
);
export const idCard = words('your id', 'ho khau', 'so ho khau', 'household registration', 'cccd', 'cmnd', 'driver s licen[cs]e', 'driving licen[cs]e', 'bang lai(?: xe)?', 'giay phep lai xe', 'giay to (?:tuy than|ca nhan)', 'identity (?:documents?|papers?)', 'id (?:documents?|photos?|papers?)', 'can cuoc(?: cong dan)?', 'chung minh (?:nhan dan|thu)', 'id card', 'identity card', 'national id', 'citizen id', 'passport', 'ho chieu', 'giay to tuy than');
export const photo = words('anh', 'hinh', 'chup', 'photo\\w*', 'picture\\w*', 'pics?', 'holding', 'image\\w*', 'scan\\w*', 'copy', 'both sides', 'hai mat', 'chan dung', 'mat truoc', 'mat sau', '\\d+ mat', 'hai mat', 'front', 'back', 'selfie');

// --- "I already paid" ---
export const paidClaim = words(
  '(?:i|we) (?:have |ve )?sent (?:you )?zzmoney',
  '(?:chuyen khoan|chuyen tien|chuyen|thanh toan|tra tien|gui tien)(?: \\w+){0,3} (?:roi|xong)',
  '(?:da|vua) (?:chuyen khoan|chuyen tien|thanh toan|chuyen|tra tien)',
  'already (?:paid|transferred|sent)',
  '(?:i|we) (?:paid|transferred|sent (?:you )?the (?:money|payment))',
  'payment (?:is )?(?:done|sent|made|completed)',
  '(?:made|sent|did|completed|done) (?:the |my )?(?:transfer|payment|bank transfer)',
  '(?:i|we) (?:have |ve )?(?:paid|transferred|wired)',
  '(?:transfer|payment|money) (?:has been |was |is )?(?:sent|made|done|completed|gone through)',
  '(?:paid|sent|transferred) (?:it )?already',
  '(?:da |vua )?gui (?:\\w+ ){0,2}(?:bill|bien lai|uy nhiem chi|anh chuyen khoan|anh giao dich) (?:roi|xong|cho (?:chi|anh|ban|em|c|a))',
  '(?:sent|attached|here s|here is) (?:you )?(?:the |my )?(?:bill|receipt|transfer slip|payment slip)',
);
export const proof = words('bill', 'slip', 'phieu', 'phieu chuyen(?: tien| khoan)?', 'anh (?:\\w+ ){0,2}(?:xac nhan|giao dich|chuyen khoan)', '(?:bank|payment|transfer) (?:confirmation|receipt|slip)', 'confirmation (?:picture|photo|screenshot|image|slip)', 'anh chup', 'chup man hinh', 'screenshot\\w*', 'bien lai', 'uy nhiem chi', 'receipts?', 'proof', 'bien nhan', 'anh giao dich', 'anh chuyen khoan');
export const pendingStory = words('tien moi (?:toi|ve|vao|den)', '(?:qua|sau|het) (?:cuoi tuan|\\d+ ngay|mai)', 'after the weekend', '(?:funds|money|payment) (?:\\w+ )?(?:reach|arrive|reaches|arrives|will reach|will arrive)','(?:ngan hang|bank) (?:\\w+ )?(?:bao|says|said|bao tri|loi)', '(?:will|should|may) (?:take|need) (?:\\d+|a few|some|up to)', 'needs? (?:\\d+|a few|some) (?:days|gio|hours|phut) to (?:clear|show|arrive|reflect|process)', 'to (?:clear|reflect|show up)', 'will (?:show|reflect|appear|arrive|clear)', 'chua (?:ve|nhan duoc|noi|hien|vao|bao)', 'lien ngan hang', 'international transfer', '(?:to|before it) clears?', '(?:toi|mai|chieu|sang mai) (?:moi )?(?:ve|vao|nhan duoc)', 'processing (?:time|delay)', 'tien treo', 'chua ve', '\\d+ gio moi ve', 'moi ve', 'loi he thong', 'pending', 'takes \\d+ gio');
export const shipNow = words('(?:send|ship|post|dispatch) (?:the|my|it|them) (?:\\w+ )?(?:today|now|tonight)','ship (?:it )?(?:off|out)', '(?:gui|giao) hang di','ship (?:truoc|luon|ngay|di|today|now)', '(?:go ahead|please|just) (?:and )?(?:ship|send|dispatch|post)', 'dispatch (?:it )?(?:now|today)', '(?:gui|giao) (?:hang )?(?:di|luon|ngay|truoc)', 'cu (?:gui|giao)', '(?:gui|giao) hang (?:luon|ngay|truoc)', 'cu giao hang', 'send the item now', 'ship (?:it )?(?:today|now)', 'giao (?:luon|ngay)');

// --- mistaken transfers, overpayment ---
export const mistake = words(
  '(?:chuyen khoan|chuyen|gui|nap|tra|thanh toan|ck|bam|nhap)(?: \\w+){0,3} (?:nham|lon)',
  'nham (?:so|tai khoan)',
  'chuyen (?:khoan )?du',
  'chuyen thua',
  'gui (?:du|thua)',
  'tra du',
  '(?:chuyen|tra|thanh toan|gui|ck|nap) (?:\\w+ ){0,2}(?:hai|2) lan',
  'thay vi',
  '(?:bam|nhap|go|ghi|typed|entered|put) (?:\\w+ ){0,2}(?:du|thua|nham|lon|extra|wrong|an extra)',
  'extra zero',
  'zzmoney (?:not|instead of|thay vi|chu khong phai) zzmoney',
  'lo (?:tay )?(?:chuyen|gui|bam|nhap)',
  '(?:chuyen|gui|tra) (?:\\w+ ){0,3}(?:nham|lon|du|thua)',
  'instead (?:of )?(?:to|for)',
  '(?:sent|paid|transferred) (?:\\w+ ){0,4}(?:wrong|extra|too much)',
  'thua tien',
  '(?:by|in) (?:mistake|error|accident)',
  '(?:sent|paid|transferred|pay|send)(?: \\w+){0,3} twice',
  '(?:more|higher) than the (?:price|amount|total)',
  'nhieu hon (?:gia|so tien|tong)',
  'accidentally',
  'overpa\\w+',
  'paid twice',
  'pay twice',
  'double (?:paid|payment|charged)',
  'too much',
  'instead of',
  '(?:du|thua) ra',
);
export const giveBack = words('tra lai', 'chuyen lai', 'dua lai', 'tien thua', 'the change', '(?:refund|give|pay|hand) (?:him|her|them|the driver|the courier)', 'hoan lai', 'gui lai', 'hoan tra', 'chuyen tra', 'tra (?:em|minh|toi|lai em)', 'hoan (?:giup|gium|dum)', 'refund\\w*', 'return\\w*', 'pay (?:it |that |them )?back', 'the balance', 'the surplus', 'the excess', 'the remainder', 'send (?:\\w+ ){0,3}back', 'give (?:\\w+ ){0,2}back', 'the difference', 'the extra', 'phan (?:chenh lech|du ra)', 'phan (?:du|thua)');
export const moneyWord = words('zzmoney', 'tien', 'money', 'cod', 'chuyen khoan', 'chuyen', 'tai khoan', 'transfer\\w*', 'paid', 'payment', 'cheques?', 'checks?', 'bank draft', 'balance', 'surplus');
/** Cheques and drafts "for more than the price": the overpayment fraud's instrument. */
export const overpayInstrument = words('(?:bang|to|tam|gui|nhan) sec', 'sec (?:ngan hang|du lich|tien mat)','cashier s (?:check|cheque)', '(?:certified|bank|company|business|personal) (?:check|cheque)', 'cheques?', 'bank draft', 'money order', '(?:check|cheque|draft) for (?:more|zzmoney)');
export const overpayReturn = words('(?:con lai|phan con lai|so con lai|the rest|the remainder) (?:\\w+ ){0,3}(?:chuyen|gui|dua|tra|forward|send|pass|wire)', '(?:giu|keep) zzmoney','(?:dua|gui|chuyen|tra) (?:\\w+ ){0,2}(?:phan du|phan thua|tien thua|phan con lai|so du) (?:cho|toi|sang)', '(?:cho|toi) (?:ben |nguoi )?(?:van chuyen|tai xe|shipper|giao hang)','(?:take|keep|deduct|subtract) (?:out )?(?:your|the) (?:price|cost|amount|money|share)', '(?:wire|send|transfer|refund|pay|return|give)(?: \\w+){0,3} (?:the rest|the remainder|what remains|the balance|the difference|the surplus|the excess|the extra)', '(?:to|for) (?:my|our|the) (?:shipping agent|shipper|mover|agent|driver|logistics|courier)', '(?:refund|give|pay|hand) (?:him|her|them|the driver|the courier) (?:the )?(?:change|rest|difference|extra)', 'the change', '(?:for|by) extra');

// --- fees for parcels, prizes, grants and loans ---
export const fee = words('(?:pay|nop|dong|tra|settle) zzmoney', 'phi(?! ship| van chuyen| giao hang| san)', 'duty', 'duties', 'phi (?:ship|van chuyen|giao hang) (?:con )?(?:thieu|no)', 'thieu (?:phi|tien ship|zzmoney)', 'surcharges?', '(?:release )?bond', '(?:nop|dong|tien|bi) phat', 'phat tien', 'pay (?:a |the )?fine', '(?:settle|pay) (?:the |a |your )?(?:\\w+ )?fine', 'fine of zzmoney', 'le phi', 'thue', '(?<!platform |sen )fees?', 'tax(?:es)?', 'charges?', 'insurance', 'bao hiem', 'processing', 'dong tien', 'nop tien');
export const anyFee = words('(?:pay|nop|dong) zzmoney', 'phi', 'surcharges?', '(?:release )?bond', 'registration (?:fee|costs?)', '(?:it|this|registration|application) costs?', '(?:nop|dong|tien) phat', 'pay (?:a |the )?fine', '(?:settle|pay) (?:the |a |your )?(?:\\w+ )?fine', 'fine of zzmoney', 'le phi', 'thue', 'fees?', 'tax(?:es)?', 'charges?', 'insurance', 'bao hiem', 'processing', 'dong tien', 'nop tien', 'shipping');
/** The writer asking whether SHE may pay a certain way: a buyer's question, not a demand. */
export const mayIPay = words('(?:can|could|may|should) (?:i|we) (?:\\w+ )?(?:pay|transfer)', '(?:em|minh|toi|tui) (?:\\w+ ){0,4}duoc khong', '(?:em|minh|toi|tui) (?:\\w+ ){0,4}(?:hay|or) (?:chi|chi can|only)');
/** Where a fee is to be paid: someone's number or account, not the platform. */
export const payToPerson = words(
  '(?:vao|qua|cho|toi) (?:so dien thoai|sdt|zzphone|so nay|stk|so tai khoan|tai khoan|momo|vi)(?: (?:cua )?(?:can bo|nhan vien|em|minh|toi|anh|chi|shipper|ben em))?',
  "(?:to|into|on) (?:the |my |our |her |his |this )?(?:\\w+ s )?(?:number|phone|account|momo|wallet)",
  '(?:to|for) (?:the |our |my )?(?:officer|agent|staff|accountant)',
);
/** "Upgrade your account to receive the payment": a fee before money that never comes. */
export const accountUpgrade = words('upgrade (?:\\w+ ){0,4}account', 'business account', 'nang cap (?:tai khoan|gian hang|goi|len)', 'tai khoan doanh nghiep', 'tich xanh', 'blue tick', 'verified badge');
export const freeOfCharge = words('mien phi', 'free', 'khong (?:mat|ton) phi');
/** A fee said to be already paid or in the price: "customs fees are included". */
export const feeIncluded = words('included', 'including', 'inclusive', 'already (?:in|paid|covered)', 'in the price', 'nothing (?:extra|more|else)', 'no extra', 'da (?:bao )?gom', 'bao gom', 'da (?:tinh|co) trong gia', 'trong gia', 'da tra', 'shop (?:chiu|tra)', '(?:em|minh|toi) chiu');
export const releaseContext = words(
  'hai quan',
  'thong quan',
  'luu kho',
  'giai phong',
  'giao lai',
  'phat lai',
  'bi giu',
  'tam giu',
  'bi ket',
  'ket lai',
  'stuck',
  'giu (?:lai|tai|o)',
  'customs',
  'clearance',
  'release',
  're ?delivery',
  'on hold',
  'held',
  'unpaid',
  'kien hang',
  'reschedul\\w*',
  '(?:could|can) not (?:be )?deliver\\w*',
  'undeliver\\w*',
  '(?:delivery|giao hang) (?:failed|attempt\\w*|khong thanh cong|that bai)',
  'bi hoan',
  'hoan (?:ve|don)',
  'giao (?:khong thanh cong|that bai)',
  'khong giao duoc',
  'bi hoan(?: lai)?',
  'buu kien',
  'redeliver\\w*',
  'attempted (?:a )?delivery',
  'nobody (?:was )?(?:home|there|in)',
  '(?:new|another) (?:delivery )?(?:slot|date|time)',
  'book (?:a )?(?:new )?(?:slot|delivery)',
  '(?:i am|this is|day la|em la) (?:the )?(?:courier|shipper|driver|nhan vien giao hang|buu ta)',
  'shipper (?:day|here|bao)',
  'destroyed',
  'tieu huy',
  'buu pham',
  'parcel',
  'package',
);
export const prizeContext = words('mon qua', 'tri gia', 'worth zzmoney', 'unclaimed', 'chua nhan','(?:trung|won|win|wins) zzmoney', 'draw', 'boc tham', 'quay thuong','trung (?:thuong|giai|xe|qua|iphone)', 'winners?', 'winning', 'trung giai', 'giai thuong', 'giai dac biet', 'qua tang', 'nhan qua', 'qua tri an', 'tri an', 'may man', 'prize', 'duoc chon (?:lam|la|de|nhan)', 'awaits', 'free (?:iphone|gift|phone|prize|tv|motorbike)', '\\d+th customer', 'khach hang (?:thu \\d+|may man)', 'lottery', 'winnings?', 'claim', 'rewards?', 'won', 'winner', 'you win', 'lucky', 'reward', 'selected', '(?:was|were|been) (?:picked|chosen)', 'jackpot', 'quay so', 'gifts?');
/** Money said to be waiting for the reader: a fee to release it is a scam, but only when the fee is asked for. */
export const moneyWaiting = words('earned', 'to receive (?:my|the|your|his|her|our) (?:\\w+ )?(?:payment|money|funds|transfer)', '(?:de|moi) nhan (?:duoc )?(?:tien|khoan|thanh toan)', 'money comes through', '(?:then|and) (?:the|your) (?:money|payment) (?:comes|arrives|goes through)', '(?:balance|so du|funds|tien|earnings|payout|shop) (?:\\w+ ){0,3}(?:is |are |bi )?(?:frozen|on hold|locked|blocked|dong bang|bi khoa|tam giu)', '(?:will|to) be released', 'unlocking', 'mo khoa', 'release (?:it|them|your)', 'commission', 'earnings', 'payout', 'pending payment', 'payment (?:is )?(?:waiting|pending|on hold)', 'to receive (?:it|the money|your money|the payment|your payment)', 'khoan tien (?:dang cho|cho nhan|dang treo)', 'de nhan (?:tien|khoan tien|so tien)', 'withdraw\\w*', 'rut tien', 'unlock (?:your )?(?:\\w+ )?(?:payout|money|funds|earnings|account)', 'mo khoa (?:tien|khoan tien|tai khoan)', 'nhan (?:so )?tien (?:thuong|ho tro|trung thuong)');
export const grantContext = words(
  'fund',
  'application (?:\\w+ )?(?:passed|approved|accepted)',
  'ho so (?:\\w+ ){0,4}(?:da dat|dat yeu cau|duoc duyet|da duyet)',
  'ho tro von',
  'goi ho tro',
  'tien ho tro',
  'tro cap',
  'tai tro',
  'hoc bong',
  '(?:startup|support|relief|grant|union|women s|business) fund',
  'quy (?:ho tro|khoi nghiep|phu nu)',
  'chosen(?! by)',
  'grants?',
  'subsid\\w+',
  'support money',
  'khoan vay',
  'vay von',
  'vay tien',
  'ho so vay',
  'duyet vay',
  'goi vay',
  'vay (?:uu dai|tin chap|the chap|nong|online)',
  'bao lanh',
  'cho vay',
  'giai ngan',
  'loans?',
  'disburse\\w*',
  'duyet ho so',
  'xet duyet',
  'tham dinh',
  'khoi nghiep',
  'support (?:package|programme|program)',
  'approved',
  'da duyet',
  'phe duyet',
);

/** A sentence that calls a link fake: a warning that names the bad site, not a lure. */
export const linkDenounced = words(
  '(?:trang|web|website|site|link|duong link|page) (?:\\w+ ){0,2}(?:gia(?! re| tot| si| goc| ban| chi| ca| uu dai)|gia mao|lua dao|fake|scam|phishing)',
  '(?:fake|scam|phishing|gia mao|lua dao) (?:\\w+ ){0,2}(?:site|link|page|website|trang|web)',
  '(?:dung|khong duoc) (?:bam|click|vao|mo|truy cap)',
  '(?:do not|never|dont) (?:click|open|visit|tap)',
);
/** Words that send someone to a link to sign in, verify, claim or get money back. */
export const linkLure = words(
  '(?:log ?in|sign ?in|dang nhap|dien (?:\\w+ )?thong tin|nhap (?:\\w+ )?thong tin|khai (?:bao )?thong tin|fill (?:in|out)|enter your (?:details|information|info)|xac minh|xac thuc|xac nhan|verify|confirm|update|cap nhat|restore|khoi phuc|unlock|mo khoa|claim|nhan (?:qua|thuong|tien|hoan tien|lai tien)|hoan tien|refund|redeem)(?: \\w+){0,4} (?:at|tai|o|here|on|qua|via|tren)? ?zzlink',
  'zzlink (?:\\w+ ){0,5}(?:to|de) (?:log ?in|sign ?in|dang nhap|xac minh|xac thuc|verify|confirm|update|cap nhat|restore|khoi phuc|unlock|mo khoa|claim|nhan (?:qua|thuong|tien)|hoan tien|get (?:your )?(?:refund|money|prize|gift))',
);

// --- jobs that need a top-up ---
export const job = words(
  'viec nhe luong cao',
  'viec lam (?:tai nha|online)',
  'lam (?:viec )?tai nha',
  'lam online',
  'viec online',
  'kiem tien (?:online|tai nha)',
  'work from home',
  'part ?time',
  'easy (?:work|job|money)',
  'tuyen (?:cong tac vien|nguoi|nhan vien)',
  'cong tac vien',
  'nhiem vu',
  'tasks?',
  'like (?:san pham|products?)',
  'danh gia (?:san pham|don hang)',
  'review (?:orders|products)',
  'hoa hong',
  'commission',
  'earn(?:ing)?',
  'thu nhap zzmoney',
  'nhan viec',
  'jobs?',
  'viec lam them',
  'lam them',
  'kiem them',
  'kiem tien',
  'xem video',
  'like video',
  'tha tim',
  'follow',
  '(?:chot )?don ao',
  'dau tu',
  'loi nhuan',
  'lai \\d+%',
  'invest\\w*',
  'profits?',
  'rate \\d+ \\w+',
  'rating',
  'simple tasks?',
  'dai ly',
  'get paid to',
  'paid to (?:review|like|rate|watch|write)',
  'viet danh gia',
  'review (?:hotels|restaurants|shops|apps|products|orders)',
  'each (?:\\w+ )?pays',
  '(?:moi|mot) (?:bai|don|video|nhiem vu|luot) zzmoney',
  'agents?',
  'distributors?',
  'packing',
  'lam (?:dai ly|si|ctv)',
);
export const easyJobSlogan = words('viec nhe luong cao', 'easy work from home', 'easy money', '(?:make|earn|kiem|thu nhap) zzmoney (?:a|per|each|moi|mot) (?:day|ngay)(?: from home| tai nha)?');
export const topUp = words('ky quy', 'vip (?:level|cap|account|membership|package|tier)', '(?:mua|buy|nang|len) (?:cap|level|goi|tier) vip', 'cap vip', 'recharge\\w*', 'reload', 'prepaid balance', 'nap (?:von|tien)', 'ung (?:zzmoney|tien|von)', '(?:starter|registration|membership|activation|training) (?:fee|kit|pack|package|cost)', 'buy (?:the |a |our )?(?:\\w+ ){0,2}(?:kit|materials)', 'material(?:s)? (?:kit|pack|package|fee)', 'ky quy', 'starter (?:kit|pack|package)', 'buy (?:our|the) (?:\\w+ )?(?:kit|package|pack)', 'mua goi', 'goi kich hoat', '(?:your|my) own money', '(?:requires?|needs?) zzmoney', 'tien tui (?:cua )?(?:ban|chi|minh)', 'nap(?! hop| chai| lo)', 'top ?up', 'ung truoc', 'deposit\\w*', 'kich hoat', 'activate', 'dong tien', 'nop tien', 'chuyen tien truoc', 'phi tham gia', 'join fee');

// --- remote control ---
export const remote = words(
  'anydesk',
  'any desk',
  'teamviewer',
  'team viewer',
  'ultraviewer',
  'ultra viewer',
  'rustdesk',
  'airdroid',
  'quicksupport',
  'quick support',
  'supremo',
  'dieu khien (?:may|tu xa|dien thoai|man hinh)',
  'remote (?:control|access|desktop|app)',
  'connect to your (?:phone|computer|device|laptop)',
  'truy cap tu xa',
  'chia se man hinh',
  'screen ?shar\\w*',
  'share (?:your |the )?screen',
  '(?:quyen )?truy cap (?:man hinh|dien thoai|may)',
  'file apk',
  'apk',
  '(?:tai|cai)(?: dat)? (?:ung dung|app)(?: \\w+){0,2} (?:theo|qua|tu|o) (?:duong )?link',
  'install (?:this|the|our) (?:app|apk) from',
  'any ?desk\\w*',
  'team ?view\\w*',
  'ultra ?view\\w*',
  'remote (?:in|into|on)',
  'take control of',
  '(?:see|view|watch|share|look at) (?:your|ur) (?:\\w+ )?screen',
  '(?:xem|thay|theo doi|quan sat) (?:duoc )?man hinh(?: (?:cua )?(?:chi|ban|anh|em|c|b))?',
  '(?:helper|support|assistant|ho tro) app',
  'ung dung ho tro (?:nay|tu xa)',
  'control (?:your|ur) (?:phone|screen|computer|device)',
  '(?:ket noi|truy cap|vao) (?:vao |voi )?(?:may|dien thoai|man hinh) (?:cua )?(?:chi|ban|anh|em|c|b|you)',
  'vao (?:dien thoai|may) (?:chi|ban|anh)',
  '(?:install|download|tai|cai)(?: \\w+){0,4} (?:app|apk|ung dung)(?: \\w+){0,2} (?:from|tu|qua|theo|at|tai) (?:the |this |my |our )?(?:duong )?(?:link|zzlink)',
  '(?:install|download|tai|cai)(?: \\w+){0,3} (?:from|tu|qua|tai|at) zzlink',
  '(?:download|install|tai|cai)(?: \\w+){0,3} (?:from|tu|qua|theo) (?:the |this |my )?(?:duong )?link',
);

// --- leaving the platform's chat ---
export const chatApp = words('insta', 'ig', 'tiktok', 'kakaotalk', 'line', 'fb messenger', 'facebook messenger', 'snapchat', 'imessage', 'zalo(?! pay)', 'telegram', 'whatsapp', 'whats app', 'messenger', 'facebook', 'viber', 'wechat', 'kakao', 'instagram', 'signal app', 'line app');
export const moveChat = words(
  'ket ban',
  'add',
  'inbox',
  'nhan tin',
  'nhan (?:qua|sang|tren|o)',
  'lien he',
  'lien lac',
  'goi',
  'chat',
  'contact',
  'message',
  'text',
  'dm',
  'talk',
  'continue',
  'join',
  'vao nhom',
  'moi (?:\\w+ ){0,2}(?:vao|tham gia)',
  'chuyen sang',
  'sang',
  'qua',
  'trao doi',
  'ping',
  'call (?:you|me)',
  'friend request',
  'loi moi ket ban',
  'hit me up',
  'hmu',
  '(?:faster|cheaper|easier|better|nhanh hon|re hon|tien hon) (?:than|hon|so voi)? ?(?:sen|here|this app|tren nay|o day)',
  'send on',
  'what s your',
  'do you (?:have|use)',
  'ban co',
  '(?:chi|em|ban|c) co (?:zalo|telegram|facebook|whatsapp)',
  'hop (?:over|on)',
  'switch',
  'move',
  'over to',
  'instead',
  'on (?:zalo|telegram|whatsapp|viber|messenger|line|facebook|wechat)',
  'xin (?:zalo|so|sdt|so dien thoai|facebook|telegram)',
  'noi chuyen',
  'zzphone',
  'so dien thoai',
);
/** "…but order here / buy through Sen": the money stays on the platform whatever app they chat on. */
export const stayHere = words(
  'keep (?:it|this|talking|chatting|ordering) (?:\\w+ )?here',
  '(?:order|orders|ordering|buy|buying|pay|paying|payment|purchases?|sales?|sell|selling|checkout|dat|dat hang|mua|mua ban|ban|ban hang|thanh toan|tra tien)(?: \\w+){0,4} (?:here|o day|tren nay|tai day|(?:through|on|via|tren|qua|trong|with) sen)',
  '(?:dat|mua|order)(?: \\w+){0,2} (?:o day|tren nay|here)',
);
/** Said outright: leaving to dodge the platform's cut. */
export const feeDodge = words('(?:skip|skipping|cut out|cutting out|avoid|bypass|without) (?:the |any )?middle ?m[ae]n', '(?:bo qua|khong qua|khoi qua|ne|tranh) (?:ben )?trung gian', '(?:ben nay|tren nay|o day|app|san|sen|here|this app|the app|the platform)(?: \\w+){0,3} (?:thu|tru|lay|an|takes?|charges?|eats?)(?: \\w+){0,2} (?:phi|hoa hong|fees?|commission|cut)', '(?:bo qua|khong qua|ne|tranh|khoi|do|mat) (?:\\w+ ){0,2}(?:phi|hoa hong)(?: app| san| sen)?', '(?:avoid|skip|save|dodge|without) (?:\\w+ ){0,3}(?:fees?|commission|platform fee|cut)');
export const evasion = words('(?:skip|skipping|cut out|cutting out|avoid|bypass|without) (?:the |any )?middle ?m[ae]n', '(?:bo qua|khong qua|khoi qua|ne|tranh) (?:ben )?trung gian', 'tren nay (?:khong|bi|it|kho|lag)', 'app nay', 'o day (?:khong|bi|it|kho|em khong)', 'this app', 'not convenient', 'khong tien', 'bi theo doi', 'bi chan', 'tranh phi', 'avoid (?:the )?fees?', 'privately', 'rieng', 'it (?:khi )?(?:vao|dung|xem|check|online|on)', '(?:rarely|seldom|hardly|do not|not) (?:ever )?(?:check|use|open|on) (?:this|the|here)', 'not (?:on|active on) (?:here|this)', 'easier', 'tien hon', 'de hon', 'nhanh hon', 'kho noi chuyen', 'lag', 'tra loi (?:khong )?kip', 'cheaper', 're hon', 'gia tot hon', 'better price');

// --- impersonation ---
export const authority = words(
  'cong an',
  'canh sat',
  'police',
  'officer',
  'bo cong an',
  'ministry of public security',
  'vien kiem sat',
  'toa an',
  'court',
  'nhan vien (?:ngan hang|sen|cham soc khach hang|ho tro|bao mat)',
  'bank (?:officer|staff|employee)',
  'bank s (?:\\w+ )?(?:department|team|division)',
  'fraud (?:department|team|prevention|unit)',
  'from (?:the )?bank',
  `(?:${banks}) (?:thong bao|day|notice|security)`,
  'ngan hang thong bao',
  'bo phan (?:ho tro|cham soc khach hang|bao mat|ky thuat)',
  'sen (?:support|security|team|admin|staff|cham soc khach hang|ho tro)',
  'sen (?:\\w+ ){0,2}(?:team|department|compliance|safety|security|support|centre|center)',
  'trust (?:and )?safety',
  'economic police',
  'bank alert',
  '(?:ngan hang|bank) (?:canh bao|alert|warning)',
  '(?:police|cong an) (?:investigator|dieu tra vien|officer)',
  'dieu tra vien',
  'auditors?',
  'inspectors?',
  'kiem toan(?: vien)?',
  'thanh tra(?: vien)?',
  'anti ?fraud (?:unit|department|team|police|office)',
  'phong chong (?:toi pham|lua dao|ma tuy|rua tien)',
  '(?:agent|detective|investigator) \\w+ from',
  'canh sat kinh te',
  '(?:captain|lieutenant|major|sergeant|inspector|dai uy|thieu ta|trung ta|thuong uy|trung uy) \\w+',
  'cong ty tai chinh',
  'finance company',
  `(?:${banks}) s (?:\\w+ )?(?:department|team|division|staff|officer)`,
  '(?:support|security) team',
  'cham soc khach hang sen',
  'ban quan tri',
  'admin',
  'can bo (?:hoi|phuong|xa|ngan hang)',
  'hoi phu nu',
  'women s union',
  'union (?:office|staff|officer)',
  'nha nuoc',
  'ngan hang chinh sach(?: xa hoi)?',
  'cuc thue',
  'co quan thue',
  'tax (?:office|department|authority)',
  'dien luc',
  'electricity (?:company|provider|board)',
  'customs (?:office|department|officer|authority)',
  'evn',
  'chinh phu',
  'government',
);
/** Words that make an authority a claim about oneself ("toi la cong an", "this is Sen support", "Vietcombank thong bao"). */
export const selfClaim = words('our', 'chung toi', 'ben toi', 'toi la', 'em la', 'anh la', 'chi la', 'minh la', 'tui la', 'day la', 'ben (?:em|minh|toi)', 'this is', 'i am', 'we are', 'we re', 'from', 'thong bao', 'notice', 'day', 'xin chao', 'kinh gui');
export const threat = words(
  'lenh rut',
  'withdrawal (?:\\w+ )?(?:is |was )?(?:pending|requested|made)',
  'if (?:this|it) (?:was not|wasn t|is not|isn t) you',
  'neu khong phai (?:chi|ban|anh|em|quy khach)',
  'vu an',
  '(?:drug|criminal|fraud|money laundering|smuggling) case',
  'ma tuy',
  'drugs?',
  'your name (?:\\w+ )?(?:appears|is|was|came up) (?:in|on|linked)',
  'ten (?:\\w+ )?(?:co )?(?:trong|lien quan)',
  'stay on the line',
  '(?:do not|dont|never) hang up',
  'khong duoc (?:cup|tat) may',
  'giu may',
  'prosecut\\w*',
  'truy to',
  'khoi to',
  'legal action',
  'avoid (?:arrest|prosecution|penalt\\w+|legal action|a fine|fines)',
  'owe (?:\\w+ )?tax\\w*',
  'no thue',
  'confidential',
  '(?:khong duoc )?tiet lo',
  'lose your (?:shop|account|money|savings)',
  'destroyed',
  'tieu huy',
  'bi khoa',
  'khoa tai khoan',
  'tam khoa',
  'dieu tra',
  'vi pham',
  'rua tien',
  'bi phat',
  'xu phat',
  'bi bao cao',
  'dinh chi',
  'suspend\\w*',
  'locked',
  'blocked',
  'closed',
  'compromised',
  'frozen',
  'freez\\w*',
  'dong bang',
  'money laundering',
  'investigat\\w*',
  'violat\\w*',
  'arrest\\w*',
  'khong duoc ke',
  'dung ke',
  'do not tell',
  'keep (?:this )?secret',
  'bi mat',
  'tai khoan (?:an toan|tam giu)',
  '(?:safe|secure|safety|temporary) account',
  'tam giu',
  'suspicious (?:activity|login|transaction)',
  'unusual (?:activity|login|transaction)',
  '(?:hoat dong|giao dich|dang nhap) (?:bat thuong|la)',
  'truy na',
  'criminal\\w*',
  'toi pham',
  'illegal\\w*',
  'phi phap',
  'lenh bat',
  'warrant',
  'summons',
  'cat dien',
  '(?:will be|be) cut(?: off)?',
  'cut off',
);

// --- pressure ---
export const urgency = words(
  '(?:in|within|next) (?:the next )?(?:one|two|three|five|ten|fifteen|twenty|thirty|a few|mot|hai|ba|nam|muoi|vai) (?:phut|gio|minutes?|hours?|mins?)',
  '(?:trong|con|chi con|within|in the next|only|next) \\d+ (?:phut|gio)',
  '\\d+ phut (?:nua|thoi)',
  'nhanh len',
  'hurry',
  'gap',
  'khan cap',
  'ngay lap tuc',
  'ngay bay gio',
  'right now',
  'immediately',
  'asap',
  'urgent\\w*',
  'han chot',
  'het han',
  'deadline',
  'last chance',
  'co hoi cuoi',
  'keo (?:mat|huy|bi|lo)',
  'only \\d+ (?:left|pieces)',
  'or (?:the deal|it will|i sell|your)',
  'today or',
  'now or',
  '(?:transfer|pay) now',
  'in a rush',
);

/**
 * Cheap pre-checks: a class cannot match a text that lacks every one of these
 * fragments, so its (costlier) pattern is not run at all. Only for classes whose
 * every alternative contains one of the fragments.
 */
/** Money passed through her: "keep this money for me, someone will come and take it in cash". */
export const relayMoney = words('giu (?:tien|zzmoney) (?:\\w+ )?(?:gium|giup|ho)', 'rut (?:\\w+ ){0,2}tien mat (?:\\w+ ){0,3}(?:dua|gui|giao|cho)', '(?:dua|giao|gui) (?:lai )?tien mat (?:\\w+ ){0,2}(?:gium|giup|ho|cho (?:nguoi|ban|anh|chi))', 'co nguoi (?:\\w+ ){0,2}(?:toi|den|qua) (?:lay|nhan) (?:tien|zzmoney)', '(?:hold|keep) (?:the |this |that )?(?:money|cash|zzmoney) for me', 'withdraw (?:it|the money|the cash|cash|zzmoney) and (?:hand|give|pass|bring)', '(?:hand|pass|give) (?:the )?cash (?:over )?to (?:my|a|the|him|her)', 'someone (?:will|ll) (?:come|drop by|stop by)(?: \\w+){0,2} (?:to )?(?:collect|pick up|take) (?:it|the money|the cash|cash)');
export const hints = new Map<RegExp, RegExp>([
  [linkLure, / zzlink /],
  [returnPromise, /%|guarant|profit|return|interest|lai|loi|x2|double|gop von|dau tu|withdraw|rut|zzmoney/],
  [holdFor, /hold|reserve|keep|save|secure|lock|giu|len don|chot don/],
  [overpayInstrument, /check|cheque|draft|money order| sec /],
  [accountUpgrade, /upgrade|account|nang cap|tai khoan|tich xanh|tick|badge/],
  [bankCard, /card|the /],
  [emergency, /tai nan|cap cuu|vien|phau thuat|mo gap|accident|hospital|emergency|surgery|bi bat|arrested|phone|number|dien thoai|so moi|doi so/],
  [remittance, /union|gram|remitly|worldremit|ria money|xoom|wise|wire|money order/],
  [mayIPay, / (?:can|could|may|should|em|minh|toi|tui) /],
  [stayHere, / (?:here|o day|tren nay|tai day|sen) /],
  [borrow, /lend|loan|front|back|double|muon|vay|tra|gui lai|hoan|nap|chuyen giup|mua (?:giup|ho)/],
]);
