import enAccounts from './en/accounts.json';
import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import enLearning from './en/learning.json';
import enMarket from './en/market.json';
import enMentoring from './en/mentoring.json';
import enSafety from './en/safety.json';
import enVerification from './en/verification.json';
import enOrders from './en/orders.json';
import enModeration from './en/moderation.json';
import enMessaging from './en/messaging.json';
import enLegal from './en/legal.json';
import enSecurity from './en/security.json';
import enPayments from './en/payments.json';
import enUx from './en/ux.json';
import enPhone from './en/phone.json';
import enPhoneAccount from './en/phone-account.json';
import enPrivacy from './en/privacy.json';
import enDashboard from './en/dashboard.json';
import enNotify from './en/notify.json';
import enProblems from './en/problems.json';
import enUnion from './en/union.json';
import enDepth from './en/depth.json';
import enLastmile from './en/lastmile.json';
import enRenewal from './en/renewal.json';
import enShipping from './en/shipping.json';
import enAudio from './en/audio.json';
import enCoop from './en/coop.json';
import enUdesk from './en/udesk.json';
import enReviews from './en/reviews.json';
import enQuickstock from './en/quickstock.json';
import enPaidseat from './en/paidseat.json';
import viAccounts from './vi/accounts.json';
import viCommon from './vi/common.json';
import viErrors from './vi/errors.json';
import viLearning from './vi/learning.json';
import viMarket from './vi/market.json';
import viMentoring from './vi/mentoring.json';
import viSafety from './vi/safety.json';
import viVerification from './vi/verification.json';
import viOrders from './vi/orders.json';
import viModeration from './vi/moderation.json';
import viMessaging from './vi/messaging.json';
import viLegal from './vi/legal.json';
import viSecurity from './vi/security.json';
import viPayments from './vi/payments.json';
import viUx from './vi/ux.json';
import viPhone from './vi/phone.json';
import viPhoneAccount from './vi/phone-account.json';
import viPrivacy from './vi/privacy.json';
import viDashboard from './vi/dashboard.json';
import viNotify from './vi/notify.json';
import viProblems from './vi/problems.json';
import viUnion from './vi/union.json';
import viDepth from './vi/depth.json';
import viLastmile from './vi/lastmile.json';
import viRenewal from './vi/renewal.json';
import viShipping from './vi/shipping.json';
import viAudio from './vi/audio.json';
import viCoop from './vi/coop.json';
import viUdesk from './vi/udesk.json';
import viReviews from './vi/reviews.json';
import viQuickstock from './vi/quickstock.json';
import viPaidseat from './vi/paidseat.json';

// One flat file of "namespace.key" strings per capability and language.
// Vietnamese is the reference; English must carry every key (checked by the
// type below and by tests/locales.test.ts).
const vi = {
  ...viCommon,
  ...viErrors,
  ...viAccounts,
  ...viVerification,
  ...viMarket,
  ...viLearning,
  ...viSafety,
  ...viMentoring,
  ...viOrders,
  ...viModeration,
  ...viMessaging,
  ...viLegal,
  ...viSecurity,
  ...viPayments,
  ...viUx,
  ...viPhone,
  ...viPhoneAccount,
  ...viPrivacy,
  ...viDashboard,
  ...viNotify,
  ...viProblems,
  ...viUnion,
  ...viDepth,
  ...viLastmile,
  ...viRenewal,
  ...viShipping,
  ...viAudio,
  ...viCoop,
  ...viUdesk,
  ...viReviews,
  ...viQuickstock,
  ...viPaidseat,
};

/** Every key of the catalogue files, plural forms included ("mentoring.held_other"). */
export type CatalogueKey = keyof typeof vi;
/** The plural categories of Intl.PluralRules a key may end in: "_one" and "_other" in English, "_other" in Vietnamese. */
export type PluralCategory = Intl.LDMLPluralRule;
/** What code asks for: a key, or the stem of a plural key ("mentoring.held", chosen by its {count}). */
export type MessageKey = CatalogueKey extends infer K
  ? K extends `${infer Stem}_${PluralCategory}`
    ? Stem
    : K
  : never;
export type Messages = Record<CatalogueKey, string>;

const en: Messages = {
  ...enCommon,
  ...enErrors,
  ...enAccounts,
  ...enVerification,
  ...enMarket,
  ...enLearning,
  ...enSafety,
  ...enMentoring,
  ...enOrders,
  ...enModeration,
  ...enMessaging,
  ...enLegal,
  ...enSecurity,
  ...enPayments,
  ...enUx,
  ...enPhone,
  ...enPhoneAccount,
  ...enPrivacy,
  ...enDashboard,
  ...enNotify,
  ...enProblems,
  ...enUnion,
  ...enDepth,
  ...enLastmile,
  ...enRenewal,
  ...enShipping,
  ...enAudio,
  ...enCoop,
  ...enUdesk,
  ...enReviews,
  ...enQuickstock,
  ...enPaidseat,
};

export const messages: { vi: Messages; en: Messages } = { vi, en };
