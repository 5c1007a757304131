// The scam detector: one pure function, no database, no I/O.
//
//   detectScam(text, { locale }) → { level: 'none' | 'caution' | 'danger', signals }
//
// How it reads a message (details in detector/*.ts; reading.ts answers the rules' questions):
//  1. normalise: fold diacritics, expand teen-code, mark links, phone numbers,
//     money and account numbers, and clause/sentence breaks;
//  2. look for word classes (lexicon.ts) and combine them with proximity rules
//     ("a deposit" + "a transfer or an account or an amount" → deposit_request);
//  3. drop hits that are negated in their clause ("em KHÔNG nhận chuyển khoản"),
//     that sit in a sentence talking ABOUT scams ("ai xin OTP là lừa đảo"), or,
//     for payments, that point back to the platform or to paying on delivery;
//  4. add the weights of the signals found: a strong one → danger, a weak one →
//     caution, weak ones together → danger (signals.ts).
import en from '../../locales/en/safety.json';
import vi from '../../locales/vi/safety.json';
import * as L from './detector/lexicon';
import { checkLink, hostOf, isOfficial, TRUSTED_HOSTS } from './detector/links';
import { type Hit, Reading } from './detector/reading';
import { canonical } from './detector/normalise';
import { modelText } from './model/features';
import { MODEL_THRESHOLDS, scamProbability } from './model/model';
import {
  BOOSTER,
  CAUTION_AT,
  DANGER_AT,
  SIGNAL_LESSONS,
  STRONG,
  WEAK,
  type LessonId,
  type SignalCode,
} from './detector/signals';

export { SIGNAL_CODES, SIGNAL_LESSONS, LESSONS, lessonUrl, type LessonId, type SignalCode } from './detector/signals';
export { TRUSTED_HOSTS } from './detector/links';

export type ScamLevel = 'none' | 'caution' | 'danger';
export type ScamSignal = { code: SignalCode; message: string; lessonId: LessonId };
export type ScamResult = { level: ScamLevel; signals: ScamSignal[] };
export type DetectOptions = {
  locale?: 'vi' | 'en';
  /** Extra hosts to trust besides sen.vn, e.g. the app's own origin ("https://sen.example" or "sen.example"). */
  trustedOrigins?: readonly string[];
  /** Consult the learned model (default true); false gives the rules alone, for scam:eval. */
  model?: boolean;
  /**
   * The caller found in this text an account number, phone number or link that
   * staff upheld as a scam (scam-accounts.server.ts): danger, whatever the wording.
   */
  reported?: boolean;
};

const tables = { vi, en } as const;
const PHONE = / zzphone /;
const HANDLE = / zzhandle /;
const REMOTE_HOSTS = /anydesk|teamviewer|ultraviewer|rustdesk|airdroid|supremo/;

function trustedHosts(options: DetectOptions) {
  return [
    ...TRUSTED_HOSTS,
    ...(options.trustedOrigins ?? []).map((o) => hostOf(o.includes('://') ? o : `https://${o}`) ?? o),
  ];
}

function isUnknownHost(host: string, trusted: readonly string[]) {
  return !isOfficial(host) && !trusted.some((t) => host === t || host.endsWith('.' + t));
}

/** What the learned model reads for a text (scam:train and scam:eval use it, so they see what detectScam sees). */
export function modelInput(text: string, options: DetectOptions = {}): string {
  const { text: canon, links } = canonical(text.slice(0, 20_000));
  const trusted = trustedHosts(options);
  return modelText(canon, links.length > 0 && !links.some((l) => isUnknownHost(l.host, trusted)));
}

function levelFor(score: number): ScamLevel {
  if (score >= DANGER_AT) return 'danger';
  if (score >= CAUTION_AT) return 'caution';
  return 'none';
}

/** Reads a message, a listing or a profile text and says how risky it looks, and why. */
export function detectScam(text: string, options: DetectOptions = {}): ScamResult {
  const locale = options.locale === 'en' ? 'en' : 'vi';
  const found = new Map<SignalCode, number>();
  const raise = (code: SignalCode, weight: number) => found.set(code, Math.max(found.get(code) ?? 0, weight));

  const input = typeof text === 'string' ? text.slice(0, 20_000) : '';
  const { text: canon, links } = canonical(input);
  const r = new Reading(canon);

  // Links: judged on what they are, whatever the words around them say.
  const trusted = trustedHosts(options);
  // "I saw a fake Sen site, sen-promo.xyz": a warning that names the bad site (every link in a sentence calling it fake).
  const linkHits = r.all(/(?<= )zzlink(?= )/g);
  const denounced = linkHits.length > 0 && linkHits.every((h) => r.inSentence(L.linkDenounced, h));
  for (const link of denounced ? [] : links) {
    if (REMOTE_HOSTS.test(link.host)) raise('remote_control_app', STRONG);
    for (const finding of checkLink(link, trusted)) {
      // A host that only sounds official ("xacminh-taikhoan.com") is a weak lookalike.
      if (finding === 'link_phishy') raise('link_lookalike', WEAK);
      else if (finding === 'link_risky_domain') raise('link_suspicious', WEAK);
      else raise(finding, finding === 'link_lookalike' || finding === 'link_punycode' ? STRONG : WEAK);
    }
  }

  // An unknown link that asks to sign in, verify or claim money: phishing, whatever its host.
  const unknownHost = (host: string) => isUnknownHost(host, trusted);
  // Strong when the link is already a bad sign itself (a throw-away ending, a shortener, a host that sounds official).
  const lured = links.filter((l) => unknownHost(l.host));
  if (lured.length && r.live(L.linkLure).length)
    raise('link_suspicious', !denounced && lured.some((l) => checkLink(l, trusted).length > 0) ? STRONG : WEAK);

  // Paying outside the platform.
  const transfers = r.live(L.transfer, { platformSafe: true });
  const accounts = r
    .live(L.account, { platformSafe: true })
    .filter((h) => canon.slice(h.start, h.end).trim() !== 'zzacct' || r.inSentence(L.accountContext, h));
  const wallets = r.live(L.ewallet, { platformSafe: true });
  const deposits = [...r.live(L.deposit, { platformSafe: true }), ...r.live(L.prepay, { platformSafe: true })];
  // A long number is an account number only next to words that say so (else it is an order or tracking code).
  const accountNumber = accounts.some((h) => {
    const words = canon.slice(h.start, h.end);
    if (words.trim() !== 'zzacct') return /so tai khoan|account number/.test(words) && transfers.length > 0;
    return r.inSentence(L.accountContext, h);
  });
  // "hold it for you" is a deposit only when money is asked for in its sentence.
  if (wallets.length || transfers.length || r.has(L.share)) {
    for (const h of r.live(L.holdFor, { platformSafe: true }))
      if (r.liveInSentence(L.payVerb, h) && (wallets.length || transfers.length || r.inSentence(L.share, h)))
        deposits.push(h);
  }
  const remits = r.live(L.remittance, { platformSafe: true });
  const noCod = deposits.length > 0 && r.all(L.noCod).some((h) => !r.warned(h));
  if (deposits.length) {
    raise(
      'deposit_request',
      transfers.length || accounts.length || wallets.length || remits.length || noCod || r.has(L.share) ? STRONG : WEAK,
    );
  }
  // Asking for someone's account number is asking to pay outside Sen.
  const askedAccount = accounts.some(
    (h) => /so tai khoan|account number/.test(canon.slice(h.start, h.end)) && r.liveInSentence(L.request, h),
  );
  // "Can I pay by transfer, or only on Sen?": the writer asks how SHE may pay; no account, no amount, no demand.
  const herOwnQuestion =
    transfers.length > 0 && !accounts.length && !r.has(L.money) && transfers.every((h) => r.inSentence(L.mayIPay, h));
  if ((transfers.length && !herOwnQuestion) || accountNumber || askedAccount) {
    raise('bank_transfer', transfers.length && (accounts.length || accountNumber) ? STRONG : WEAK);
  }
  if (wallets.length && (r.has(L.payVerb) || r.has(L.money) || canon.includes('zzphone')))
    raise('ewallet_payment', WEAK);
  // Western Union, MoneyGram, a wire: nobody honest on a local marketplace is paid this way.
  if (remits.length && (r.has(L.payVerb) || r.has(L.money))) raise('bank_transfer', STRONG);
  // "Pay me privately / friends and family / to skip the fee": outside the platform on purpose.
  // (Each costly question is asked only when a cheaper one already points that way.)
  const evading =
    (wallets.length > 0 || transfers.length > 0 || r.has(L.chatApp)) && r.live(L.evadePlatform).length > 0;
  if (evading && wallets.length) raise('ewallet_payment', STRONG);
  if (evading && transfers.length) raise('bank_transfer', STRONG);
  // Borrowing ("lend me", "top it up for me, I'll pay you back tomorrow") through any channel.
  if ((transfers.length || wallets.length || r.has(L.money) || r.has(L.giftOrCrypto)) && r.live(L.borrow).length) {
    raise(wallets.length ? 'ewallet_payment' : r.has(L.giftOrCrypto) ? 'gift_card_crypto' : 'bank_transfer', STRONG);
  }
  // An emergency story that rushes a transfer.
  if ((transfers.length || wallets.length || accountNumber) && r.live(L.emergency).length)
    raise(wallets.length ? 'ewallet_payment' : 'bank_transfer', STRONG);
  // The money part done at an ATM while someone talks you through it.
  if (
    / atm | huong dan | chi dan | instructions | steps /.test(canon) &&
    r.live(L.atmGuide).length &&
    (r.has(L.giveBack) || r.has(L.moneyWord) || r.has(L.payVerb))
  )
    raise('bank_transfer', STRONG);
  const gifts = r.live(L.giftOrCrypto, { platformSafe: true });
  if (gifts.length)
    raise(
      'gift_card_crypto',
      r.has(L.payVerb) || r.has(L.money) || /wallet|vi |address|dia chi/.test(canon) ? STRONG : WEAK,
    );

  // Secrets and documents.
  const otps = r.live(L.otp);
  if (otps.some((h) => r.requestedNear(h))) raise('otp_request', STRONG);
  if (r.live(L.pin).some((h) => r.requestedNear(h))) raise('pin_request', STRONG);
  if (r.live(L.bankCard).some((h) => r.inSentence(L.photo, h) && r.liveInSentence(L.request, h)))
    raise('pin_request', STRONG);
  const advice = r.all(L.passwordAdvice);
  const passwords = r.live(L.password).filter((h) => !advice.some((a) => a.start <= h.start && a.end >= h.end));
  if (passwords.some((h) => r.liveInSentence(L.request, h)) || r.live(L.credentialUse).length)
    raise('password_request', STRONG);
  if (r.live(L.idCard, { platformSafe: true }).some((h) => r.inSentence(L.photo, h) || r.liveInSentence(L.request, h)))
    raise('id_card_photo', STRONG);

  // "I already paid, here is the screenshot."
  const paid = r.live(L.paidClaim, { platformSafe: true });
  if (paid.length) {
    const proof = r.has(L.proof);
    const story = r.has(L.pendingStory) || r.has(L.shipNow);
    if (proof && story) raise('fake_payment_proof', STRONG);
    else if (proof || story) raise('fake_payment_proof', WEAK);
  }
  // "I sent it by mistake, please send it back."
  if (r.live(L.mistake).length && r.has(L.giveBack) && r.has(L.moneyWord)) raise('mistaken_transfer', STRONG);
  // Money passed through her account or hands: "giữ tiền giùm em, lát có người tới lấy tiền mặt" (a money mule).
  if (r.live(L.relayMoney).length && (r.has(L.money) || transfers.length || wallets.length))
    raise('mistaken_transfer', STRONG);
  // A cheque "for more than the price", and the rest sent on to someone.
  if (
    r.live(L.overpayInstrument).length &&
    (r.live(L.overpayReturn).length || (r.has(L.giveBack) && r.live(L.mistake).length))
  )
    raise('mistaken_transfer', STRONG);

  // Fees to release a parcel, to receive a prize, a grant or a loan.
  const free = r.all(L.freeOfCharge);
  const notFree = (h: Hit) =>
    !free.some((f) => f.start <= h.start && f.end >= h.end - 1 && f.end <= h.end + 8) &&
    !/ (?:mien|free) $/.test(canon.slice(Math.max(0, h.start - 6), h.start + 1));
  const paidFor = (h: Hit) => !r.inClause(L.feeIncluded, h);
  const fees = r.live(L.fee).filter(notFree).filter(paidFor);
  const anyFees = r.live(L.anyFee).filter(notFree).filter(paidFor);
  if (fees.length && r.has(L.releaseContext)) raise('release_fee', STRONG);
  const topUps = r.live(L.topUp);
  // A fee next to a prize counts when it is asked for, or sits in the prize's own sentence.
  const askedFees = anyFees.filter((h) => r.liveInSentence(L.feeVerb, h) || r.inSentence(L.prizeContext, h));
  if ((askedFees.length || topUps.length) && r.live(L.prizeContext).length) raise('prize_fee', STRONG);
  if ((topUps.length || anyFees.some((h) => r.liveInSentence(L.feeVerb, h))) && r.live(L.moneyWaiting).length)
    raise('prize_fee', STRONG);
  // A shipping fee is not what a grant or a loan is released for.
  const shippingFee = (h: Hit) =>
    /(?:^| )(?:shipping|delivery|postage|ship|van chuyen|giao hang)(?: fees?)? $/.test(
      canon.slice(Math.max(0, h.start - 16), h.end),
    );
  if (anyFees.some((h) => !shippingFee(h)) && r.live(L.grantContext).length) raise('grant_loan_fee', STRONG);
  // A fee to be paid to someone's number or account ("đóng phí vào sđt cán bộ", "pay the charge to the officer").
  if (anyFees.some((h) => r.liveInSentence(L.feeVerb, h) && r.inSentence(L.payToPerson, h)))
    raise('deposit_request', STRONG);
  // "Upgrade your account (for a fee) to receive the payment."
  if (
    r.live(L.accountUpgrade).length &&
    (anyFees.length || r.has(L.money)) &&
    (r.live(L.moneyWaiting).length || r.has(L.feeVerb))
  )
    raise('prize_fee', STRONG);

  // Tasks that need a top-up.
  if (r.has(L.job) && (r.live(L.topUp).length || fees.length)) raise('job_topup', STRONG);
  // A fee asked for first, whatever it is for ("supplier registration fee first"): advance-fee fraud.
  else if (fees.some((h) => r.feeAskedFirst(h))) raise('deposit_request', STRONG);
  else if (r.live(L.easyJobSlogan).length) raise('job_topup', WEAK);
  // Money put in for a promised profit.
  if ((r.has(L.money) || topUps.length || r.has(L.job)) && r.live(L.returnPromise).length) raise('job_topup', STRONG);

  if (r.live(L.remote).length) raise('remote_control_app', STRONG);

  // Moving the conversation elsewhere.
  const apps = r.live(L.chatApp, { platformSafe: true });
  const evades = apps.length > 0 && r.has(L.evasion);
  const contact = (h: Hit) => r.inSentence(PHONE, h) || r.inSentence(HANDLE, h);
  // "Chat on Zalo about designs, but buy through Sen" keeps the money here: not a move, unless a number or a reason to leave comes with it.
  const movingOff = apps
    .filter((h) => r.inClause(L.moveChat, h) || contact(h) || evades)
    .filter((h) => contact(h) || evades || !r.inSentence(L.stayHere, h));
  // Strong when it is to pay there without the fee, or said outright to dodge the platform's cut ("bên này bị thu phí", "skip the middleman").
  const dodging = evading && (r.has(L.payVerb) || r.has(L.money) || r.live(L.feeDodge).length > 0);
  if (movingOff.length) raise('off_platform_chat', dodging ? STRONG : WEAK);

  // Someone claiming authority, who then threatens or asks for something.
  const claims = r
    .live(L.authority)
    .filter(
      (h) =>
        r.inSentence(L.selfClaim, h) ||
        r.inSentence(PHONE, h) ||
        canon.slice(0, h.start).split(' ').filter(Boolean).length < 3,
    );
  if (claims.length && (r.has(L.threat) || found.size > 0)) raise('impersonation', STRONG);

  if (options.reported) raise('reported_account', STRONG);

  // Pressure only adds to another signal.
  if (found.size > 0 && r.live(L.urgency).length) raise('pressure', BOOSTER);

  let score = 0;
  for (const weight of found.values()) score += weight;
  // The learned model (model/model.ts), beside the rules: when the rules are
  // silent but the model is confident, a general caution ("looks like common
  // scams", pointing to the safety centre); when the rules already call for
  // caution and the model agrees strongly, the two together make danger.
  // Both thresholds were chosen on the validation split (scam:train).
  if (options.model !== false && score < DANGER_AT) {
    const p = scamProbability(modelText(canon, links.length > 0 && !links.some((l) => unknownHost(l.host))));
    if (score < CAUTION_AT ? p >= MODEL_THRESHOLDS.caution : p >= MODEL_THRESHOLDS.rise) {
      found.set('looks_like_scam', WEAK);
      score += WEAK;
    }
  }
  const table = tables[locale] as Record<string, string>;
  const signals: ScamSignal[] = [...found.keys()].map((code) => ({
    code,
    message: table[`safety.signal.${code}`] ?? code,
    lessonId: SIGNAL_LESSONS[code],
  }));
  return { level: levelFor(score), signals };
}
