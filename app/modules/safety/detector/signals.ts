// Every signal the detector can raise, the lesson that teaches it, and how much
// it weighs. Its explanation lives in app/locales/{vi,en}/safety.json under
// `safety.signal.<code>` (tests/safety/detector.test.ts checks every code has both).

// The lessons are the learning capability's fixed ids: one list, owned there.
import { learningLessonIds, lessonPath, type LearningLessonId } from '../../learning/lesson-ids';

export const LESSONS = learningLessonIds;
export type LessonId = LearningLessonId;

/** The page that teaches a lesson. */
export const lessonUrl = lessonPath;

export const SIGNAL_LESSONS = {
  deposit_request: 'ban-hang-an-toan/deposits-and-transfers',
  bank_transfer: 'ban-hang-an-toan/pay-on-platform',
  ewallet_payment: 'ban-hang-an-toan/pay-on-platform',
  gift_card_crypto: 'ban-hang-an-toan/pay-on-platform',
  otp_request: 'bao-ve-thong-tin/never-share-otp',
  pin_request: 'bao-ve-thong-tin/never-share-otp',
  password_request: 'bao-ve-thong-tin/strong-passwords',
  id_card_photo: 'bao-ve-thong-tin/id-card-photos',
  link_lookalike: 'bao-ve-thong-tin/phishing-links',
  link_punycode: 'bao-ve-thong-tin/phishing-links',
  link_shortener: 'bao-ve-thong-tin/phishing-links',
  link_insecure: 'bao-ve-thong-tin/phishing-links',
  link_suspicious: 'bao-ve-thong-tin/phishing-links',
  fake_payment_proof: 'ban-hang-an-toan/fake-transfer-screenshots',
  mistaken_transfer: 'ban-hang-an-toan/overpayment-and-mistaken-transfers',
  release_fee: 'ban-hang-an-toan/fake-shippers-and-fees',
  prize_fee: 'ban-hang-an-toan/job-and-prize-scams',
  grant_loan_fee: 'ban-hang-an-toan/job-and-prize-scams',
  job_topup: 'ban-hang-an-toan/job-and-prize-scams',
  impersonation: 'bao-ve-thong-tin/impersonation',
  remote_control_app: 'bao-ve-thong-tin/remote-control-apps',
  off_platform_chat: 'ban-hang-an-toan/stay-on-platform-chat',
  pressure: 'ban-hang-an-toan/deposits-and-transfers',
  // The learned model's general signal and a shared report: ScamWarning links these to the safety centre
  // (SAFETY_CENTRE_CODES); the lesson is the one closest to what they usually are.
  looks_like_scam: 'ban-hang-an-toan/job-and-prize-scams',
  reported_account: 'ban-hang-an-toan/pay-on-platform',
} as const satisfies Record<string, LessonId>;

export type SignalCode = keyof typeof SIGNAL_LESSONS;
export const SIGNAL_CODES = Object.keys(SIGNAL_LESSONS) as SignalCode[];

/** A strong signal alone makes a message dangerous; a weak one only calls for caution, two of them for danger. */
export const STRONG = 4;
export const WEAK = 2;
/** Pressure only counts next to another signal (a hurry alone is ordinary: "order soon, it sells fast"). */
export const BOOSTER = 2;
export const DANGER_AT = 4;
export const CAUTION_AT = 2;

/** Signals that are not about one pattern: their banner line links to the safety centre, not to a lesson. */
export const SAFETY_CENTRE_CODES: ReadonlySet<string> = new Set<SignalCode>(['looks_like_scam', 'reported_account']);
export const SAFETY_CENTRE_URL = '/safety';
