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
  'sen (?:se )?(?:chuyen|tra|hoan|giu|pays|refunds|holds|transfers)',
  'cua sen',
  '(?:muc|trang|phan) (?:\\w+ ){0,2}(?:tren |trong )sen',
);

/** Single-word negators; the rule engine adds context checks for the ambiguous ones. */
export const negators = new Set(['mien', 'khong', 'chang', 'never', 'not', 'avoid', 'refuse', 'nobody', 'without', 'nor', 'neither', 'dung', 'cam', 'no']);
/** "dung" is đừng (don't) only before a verb; otherwise dùng/đúng. */
export const dungVerbs = new Set(['bao', 'chuyen', 'gui', 'cung', 'doc', 'cho', 'bam', 'click', 'cai', 'tin', 'chia', 'nap', 'dua', 'tra', 'dat', 'coc', 'nhan', 'ket', 'add', 'vao', 'truy', 'mua', 'lam', 'ke', 'tai', 'nghe', 'thanh', 'vay']);
/** "no" is English only before these (else it may be nó). */
export const noObjects = new Set(['deposit', 'need', 'fee', 'fees', 'private', 'one', 'transfer', 'transfers', 'otp', 'password', 'money', 'payment', 'charge', 'rush', 'extra', 'hidden', 'additional', 'more', 'zalo', 'telegram', 'link', 'links', 'prepayment', 'advance']);
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
  'ai (?:nhan|nhan tin|xin|doi|goi|hoi|yeu cau|bat)',
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
  'co giao',
  'bai hoc',
);

// --- payment off the platform ---
export const transfer = words(
  'chuyen khoan',
  'chuyen tien',
  'chuyen (?:truoc|lai|ngay|gap|luon)',
  'chuyen cho (?:em|minh|toi|anh|chi|shop|ben em)',
  'chuyen zzmoney',
  'chuyen (?:vao|qua|ve|sang) (?:so tai khoan|tai khoan|vi)',
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
  'cho (?:em|minh|toi|tui) (?:muon|vay)(?: tien| zzmoney)?',
  '(?:quet|scan)(?: \\w+){0,3} qr(?: code)?(?: \\w+){0,5} (?:chuyen|thanh toan|tra tien|pay|transfer)',
);
export const account = words('so tai khoan', 'tai khoan (?:ngan hang|nh)', 'account number', 'bank account', 'my account', 'zzacct', banks);
/** Words that make a long number an account number. */
export const accountContext = words('so tai khoan', 'tai khoan', 'account', 'chuyen khoan', 'transfer\\w*', 'ngan hang', 'bank', banks);
export const ewallet = words('momo', 'zalopay', 'zalo pay', 'viettelpay', 'viettel pay', 'viettel money', 'shopeepay', 'shopee pay', 'vnpay', 'moca', 'vi dien tu', 'e wallet', 'ewallet', 'paypal', 'payoo', 'smartpay');
export const giftOrCrypto = words(
  'the cao',
  '(?:phone|top ?up|scratch|prepaid) cards?',
  'top ?up (?:my|your|the) phone',
  'the serial',
  'nap (?:the|card) dien thoai',
  'ma the cao',
  'seri the',
  'gift ?cards?',
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
export const deposit = words('coc', 'dat coc', 'tien coc', 'deposit\\w*', 'giu (?:cho|suat|slot)', 'reserve', 'hold the item');
export const prepay = words(
  '(?:chuyen khoan|chuyen|thanh toan|tra|gui tien|pay|ung)(?: \\w+){0,4} truoc',
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
export const payVerb = words('thanh toan', 'tra tien', 'chuyen', 'gui', 'nop', 'dong(?! goi| cua| hop| thung)', 'nap', 'pay', 'send', 'transfer', 'mua', 'buy', 'take', 'nhan');
export const money = words('zzmoney');
/** Verbs that ask for a fee to be paid. */
export const feeVerb = words('paid', 'payable', 'settle\\w*', 'pay', 'nop', 'dong(?! goi| cua| hop| thung)', 'nap', 'chuyen(?: khoan)?', 'send', 'transfer', 'top ?up', 'thanh toan', 'tra');

// --- secrets and documents ---
export const otp = words(
  'otp',
  'ma xac thuc',
  'ma xac minh',
  'ma kich hoat',
  'ma bao mat',
  'ma \\d+ so',
  'ma so vua',
  'ma vua (?:gui|nhan)',
  'ma xac nhan (?:vua|\\d+ so)',
  '\\d+ digit code',
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
export const pin = words('expir(?:y|ation) date', '(?:3|three|ba) (?:digits|so) (?:on the back|o mat sau|mat sau|sau the)', 'ngay het han (?:cua )?the', 'card s (?:number|details|expiry)', 'ma pin', 'pin (?:the|atm|code|number)', '(?:the|card|atm) pin', 'pin of (?:your|the) card', 'cvv', 'cvc', 'so the(?! thanh vien)', 'card number', 'card details');
export const password = words('your (?:\\w+ )?login', 'mat khau', 'mat ma', 'password', 'pass', 'passcode', 'thong tin dang nhap', 'login (?:details|info)', 'bank login');
/** Words that point back to a code named in the sentence before ("forward IT to me"). */
export const codeReference = words('it', 'that', 'this', 'them', 'no', 'ma do', 'ma nay', 'ma', 'code', 'otp', 'so do', 'day so');
/** Advice about one's own password, not a request for it. */
/** Asking to sign in with one's bank or account somewhere: a credential request in itself. */
export const credentialUse = words('log ?in with your (?:bank|account|banking)', 'dang nhap (?:bang|voi) (?:tai khoan )?ngan hang', 'login (?:with|using) your bank');
export const passwordAdvice = words('(?:doi|dat|tao|change|reset|create|forgot|quen|strong|manh|chon) (?:\\w+ )?(?:mat khau|password)', '(?:mat khau|password) (?:manh|strong|moi|new|reset|wifi|wi fi)', 'wifi (?:mat khau|password)');
export const request = words(
  'gui(?! ve| toi may| den may)',
  'cung cap',
  'xin',
  'doc',
  '(?<!tu )nhap',
  'dien',
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
  'enter',
  'what s',
  'what is',
  'la gi',
  'need',
  'yeu cau',
  'forward',
  'chuyen tiep',
  'chup',
  'cho (?:em|minh|toi|anh|tui|shop|ben em)(?: xin)?',
);
export const idCard = words('your id', 'cccd', 'cmnd', 'can cuoc(?: cong dan)?', 'chung minh (?:nhan dan|thu)', 'id card', 'identity card', 'national id', 'citizen id', 'passport', 'ho chieu', 'giay to tuy than');
export const photo = words('anh', 'hinh', 'chup', 'photo\\w*', 'picture\\w*', 'image\\w*', 'scan', 'mat truoc', 'mat sau', '\\d+ mat', 'hai mat', 'front', 'back', 'selfie');

// --- "I already paid" ---
export const paidClaim = words(
  '(?:chuyen khoan|chuyen tien|chuyen|thanh toan|tra tien|gui tien)(?: \\w+){0,3} (?:roi|xong)',
  '(?:da|vua) (?:chuyen khoan|chuyen tien|thanh toan|chuyen|tra tien)',
  'already (?:paid|transferred|sent)',
  '(?:i|we) (?:paid|transferred|sent (?:you )?the (?:money|payment))',
  'payment (?:is )?(?:done|sent|made|completed)',
);
export const proof = words('bill', 'anh chup', 'chup man hinh', 'screenshot\\w*', 'bien lai', 'uy nhiem chi', 'receipts?', 'proof', 'bien nhan', 'anh giao dich', 'anh chuyen khoan');
export const pendingStory = words('(?:ngan hang|bank) (?:bao|says|said)', 'tien treo', 'chua ve', '\\d+ gio moi ve', 'moi ve', 'loi he thong', 'pending', 'takes \\d+ gio');
export const shipNow = words('ship (?:truoc|luon|ngay|di|today|now)', '(?:gui|giao) hang (?:luon|ngay|truoc)', 'cu giao hang', 'send the item now', 'ship (?:it )?(?:today|now)', 'giao (?:luon|ngay)');

// --- mistaken transfers, overpayment ---
export const mistake = words(
  '(?:chuyen khoan|chuyen|gui|nap|tra|thanh toan|ck|bam|nhap)(?: \\w+){0,3} (?:nham|lon)',
  'nham (?:so|tai khoan)',
  'chuyen (?:khoan )?du',
  'chuyen thua',
  'gui (?:du|thua)',
  'tra du',
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
export const giveBack = words('tra lai', 'chuyen lai', 'hoan lai', 'gui lai', 'hoan tra', 'refund\\w*', 'return', 'send (?:\\w+ ){0,3}back', 'give (?:\\w+ ){0,2}back', 'the difference', 'the extra', 'phan (?:chenh lech|du ra)', 'phan (?:du|thua)');
export const moneyWord = words('zzmoney', 'tien', 'money', 'cod', 'chuyen khoan', 'transfer\\w*', 'paid', 'payment');

// --- fees for parcels, prizes, grants and loans ---
export const fee = words('phi(?! ship| van chuyen| giao hang| san)', 'surcharges?', '(?:release )?bond', '(?:nop|dong|tien|bi) phat', 'phat tien', 'pay (?:a |the )?fine', 'le phi', 'thue', '(?<!platform |sen )fees?', 'tax(?:es)?', 'charges?', 'insurance', 'bao hiem', 'processing', 'dong tien', 'nop tien');
export const anyFee = words('(?:pay|nop|dong) zzmoney', 'phi', 'surcharges?', '(?:release )?bond', 'registration (?:fee|costs?)', '(?:it|this|registration|application) costs?', '(?:nop|dong|tien) phat', 'pay (?:a |the )?fine', 'le phi', 'thue', 'fees?', 'tax(?:es)?', 'charges?', 'insurance', 'bao hiem', 'processing', 'dong tien', 'nop tien', 'shipping');
export const freeOfCharge = words('mien phi', 'free', 'khong (?:mat|ton) phi');
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
  'buu pham',
  'parcel',
  'package',
);
export const prizeContext = words('trung thuong', 'trung giai', 'giai thuong', 'giai dac biet', 'qua tang', 'nhan qua', 'qua tri an', 'tri an', 'may man', 'prize', 'duoc chon (?:lam|la|de|nhan)', 'awaits', 'free (?:iphone|gift|phone|prize|tv|motorbike)', '\\d+th customer', 'khach hang (?:thu \\d+|may man)', 'lottery', 'winnings?', 'claim', 'rewards?', 'won', 'winner', 'you win', 'lucky', 'reward', 'selected', 'jackpot', 'quay so', 'gifts?');
/** Money said to be waiting for the reader: a fee to release it is a scam, but only when the fee is asked for. */
export const moneyWaiting = words('earned', 'earnings', 'payout', 'pending payment', 'payment (?:is )?(?:waiting|pending|on hold)', 'to receive (?:it|the money|your money|the payment|your payment)', 'khoan tien (?:dang cho|cho nhan|dang treo)', 'de nhan (?:tien|khoan tien|so tien)', 'withdraw\\w*', 'rut tien', 'unlock (?:your )?(?:\\w+ )?(?:payout|money|funds|earnings|account)', 'mo khoa (?:tien|khoan tien|tai khoan)', 'nhan (?:so )?tien (?:thuong|ho tro|trung thuong)');
export const grantContext = words(
  'ho tro von',
  'goi ho tro',
  'tien ho tro',
  'tro cap',
  'tai tro',
  'hoc bong',
  '(?:startup|support|relief|grant|union|women s|business) fund',
  'quy (?:ho tro|khoi nghiep|phu nu)',
  'chosen',
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
);
export const easyJobSlogan = words('viec nhe luong cao', 'easy work from home', 'easy money');
export const topUp = words('ky quy', 'starter (?:kit|pack|package)', 'buy (?:our|the) (?:\\w+ )?(?:kit|package|pack)', 'mua goi', 'goi kich hoat', '(?:your|my) own money', '(?:requires?|needs?) zzmoney', 'tien tui (?:cua )?(?:ban|chi|minh)', 'nap(?! hop| chai| lo)', 'top ?up', 'ung truoc', 'deposit\\w*', 'kich hoat', 'activate', 'dong tien', 'nop tien', 'chuyen tien truoc', 'phi tham gia', 'join fee');

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
  '(?:download|install|tai|cai)(?: \\w+){0,3} (?:from|tu|qua|theo) (?:the |this |my )?(?:duong )?link',
);

// --- leaving the platform's chat ---
export const chatApp = words('insta', 'ig', 'tiktok', 'kakaotalk', 'zalo(?! pay)', 'telegram', 'whatsapp', 'whats app', 'messenger', 'facebook', 'viber', 'wechat', 'kakao', 'instagram', 'signal app', 'line app');
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
  'noi chuyen',
  'zzphone',
  'so dien thoai',
);
export const evasion = words('tren nay (?:khong|bi)', 'app nay', 'o day (?:khong|bi)', 'this app', 'not convenient', 'khong tien', 'bi theo doi', 'bi chan', 'tranh phi', 'avoid (?:the )?fees?', 'privately', 'rieng');

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
  'sen (?:\\w+ )?(?:team|department)',
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
