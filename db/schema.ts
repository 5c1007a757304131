import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { MentoringTopic } from '../app/modules/mentoring/options';
import type { ExpertiseArea, MentorLanguage } from '../app/modules/verification/options';
import type { EventReason } from '../app/modules/verification/states';

// The Database type, written by hand and checked against the migrated schema by
// tests/schema.test.ts. Each capability adds its tables below its own heading.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string | T | undefined, string | T>;

export type Locale = 'vi' | 'en';
export type GrantedRole = 'entrepreneur' | 'mentor' | 'staff';

// ---- accounts ----
export interface UsersTable {
  id: Generated<string>;
  email: string | null;
  password_hash: string;
  display_name: string;
  locale: Generated<Locale>;
  time_zone: Generated<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** Set by moderation; suspended_until null with suspended_at set means for good. */
  suspended_at: Timestamp | null;
  suspended_until: Timestamp | null;
  suspension_reason: string | null;
  /** E.164 (app/lib/phone.ts), unique; confirmed by a code (issue 14). */
  phone: string | null;
  phone_confirmed_at: Timestamp | null;
  /** Set when she deleted her account: the row stays, anonymised (privacy, 0990). */
  deleted_at: Timestamp | null;
  /** A buyer's own province, on her profile (issue 19: which provincial office looks after her); named apart from the profiles' `province` so joins stay unambiguous. */
  home_province: string | null;
  /** Self-declared and consented (issue 19), for reports in cells of 10 or more only. */
  age_group: 'under_25' | '25_34' | '35_44' | '45_54' | '55_plus' | null;
  ethnic_group: string | null;
  groups_consented_at: Timestamp | null;
}

/** A queue item a staff member took (issue 19): the person of a verification, or a report. */
export interface ReviewAssignmentsTable {
  item_kind: 'verification' | 'report';
  item_id: string;
  assigned_to: string;
  assigned_by: string | null;
  assigned_at: CreatedAt;
}

/** A sign-up an officer assisted (issue 19, "Đăng ký giúp"): who, how she consented, and the text's version. */
export interface AssistedSignupsTable {
  user_id: string;
  assisted_by: string | null;
  method: 'code' | 'spoken';
  province: string;
  consent_version: string;
  note: string | null;
  created_at: CreatedAt;
}

/** 'country' or a province code: where a staff member acts (issue 19). */
export interface StaffScopesTable {
  user_id: string;
  scope: string;
  granted_by: string | null;
  created_at: CreatedAt;
}

export interface UserRolesTable {
  user_id: string;
  role: GrantedRole;
  granted_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  client_address: string;
  created_at: CreatedAt;
}

// ---- two-step login and the staff audit log ----
export interface TwoFactorTable {
  user_id: string;
  secret: string;
  confirmed_at: Timestamp | null;
  last_used_step: Generated<number>;
  created_at: CreatedAt;
}

export interface TwoFactorRecoveryCodesTable {
  id: Generated<number>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export type OtpPurpose = 'signup' | 'login' | 'reset' | 'change_phone' | 'assisted_signup';
export type OtpChannel = 'sms' | 'zalo';

export interface OtpChallengesTable {
  id: Generated<string>;
  phone: string;
  purpose: OtpPurpose;
  channel: OtpChannel;
  code_hash: string;
  client_address: string;
  attempts: Generated<number>;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  pending: Json<PendingPhoneSignup> | null;
  /** Who asked, for a code that changes a signed-in person's number. */
  user_id: string | null;
}

/** An email added on /account, waiting for its confirmation link (issue 14). */
export interface EmailConfirmationsTable {
  id: Generated<string>;
  user_id: string;
  email: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** What a sign-up by phone keeps until its code is typed (issue 14). */
export type PendingPhoneSignup = {
  displayName: string;
  passwordHash: string;
  locale: Locale;
  wantsToSell: boolean;
  consents: ConsentPurpose[];
  /** An assisted sign-up (issue 19): her province, within the officer's scope. */
  province?: string;
};

export interface ZaloTokensTable {
  id: Generated<number>;
  access_token: string;
  refresh_token: string;
  expires_at: Timestamp;
  updated_at: Generated<Date>;
}

export interface LoginChallengesTable {
  token_hash: string;
  user_id: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  created_at: CreatedAt;
}

export type AuditAction =
  | 'identity_document.open'
  | 'two_factor.enrol'
  | 'two_factor.disable'
  | 'two_factor.recovery_code_used'
  | 'data_export.download'
  | 'account.delete';

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: string | null;
  action: AuditAction;
  subject_user_id: string | null;
  detail: Json<Record<string, string | number | boolean | null>>;
  created_at: CreatedAt;
}

export type ConsentPurpose = 'terms' | 'union_news';

export interface ConsentsTable {
  id: Generated<number>;
  user_id: string;
  purpose: ConsentPurpose;
  version: string;
  channel: 'web' | 'assisted';
  granted_at: CreatedAt;
  withdrawn_at: Timestamp | null;
  /** How she withdrew it (0990); null while it stands. */
  withdrawn_channel: 'web' | 'assisted' | null;
}

/** Accepted forgotten-password requests, counted for the limits (0910). */
export interface PasswordResetRequestsTable {
  id: Generated<number>;
  email: string;
  client_address: string;
  created_at: CreatedAt;
}

/** A sign-up waiting for its emailed link (0910). */
export interface SignupRequestsTable {
  token_hash: string;
  email: string;
  password_hash: string;
  display_name: string;
  locale: Locale;
  wants_to_sell: Generated<boolean>;
  redirect_to: string | null;
  client_address: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
  consents: ColumnType<ConsentPurpose[], ConsentPurpose[] | undefined, ConsentPurpose[]>;
  consent_version: string | null;
}

// ---- messaging out ----
export interface OutboxEmailsTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  /** The outbox of every channel (issue 14): to_address is a phone (E.164) for sms and zalo. */
  channel: Generated<'email' | 'sms' | 'zalo'>;
  user_id: string | null;
  notification_id: number | null;
  kind: string | null;
  template_params: Json<Record<string, string>> | null;
  send_after: Timestamp | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  phone: 'zalo' | 'sms' | 'off';
  email: boolean;
  updated_at: Generated<Date>;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: string;
  message_key: string;
  params: Json<Record<string, string | number>>;
  link: string | null;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

// ---- verification: business profiles ----
export type VerificationStatus =
  'draft' | 'submitted' | 'needs_info' | 'approved' | 'rejected' | 'suspended' | 'revoked';

export interface BusinessProfilesTable {
  user_id: string;
  slug: string;
  business_name: string;
  owner_name: string;
  province: string;
  story: Generated<string>;
  categories: Generated<string[]>;
  logo_key: string | null;
  cover_key: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  verification_status: Generated<VerificationStatus>;
  verified_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  women_led_declared_at: Timestamp | null;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  /** Set by the scam screening on save (danger): the story is not shown publicly until staff clear it. */
  story_held: Generated<boolean>;
  /** HMAC-SHA-256 (hex) of her citizen-ID number with ID_NUMBER_KEY, and its last 3 digits: never the number (issue 19). */
  id_number_hmac: string | null;
  id_number_last3: string | null;
  /** The approval lapses after this (VERIFICATION_VALID_MONTHS); a renewal moves it on. */
  verified_until: Timestamp | null;
  /** 2100: a renewal with changes waiting for staff ('submitted') or for her ('needs_info'); her approval stays valid meanwhile. */
  renewal_review: 'submitted' | 'needs_info' | null;
  /** 2100: what she said changed, for the staff review. */
  renewal_changes: string | null;
  /** 1900: a cooperative, cooperative group or household business has members. */
  business_type: Generated<BusinessType>;
}

/** A renewal reminder sent (30 or 7 days before the approval's end): at most once each. */
export interface VerificationRemindersTable {
  user_id: string;
  verified_until: Timestamp;
  days_before: 30 | 7;
  sent_at: CreatedAt;
}

/** Her re-declaration that nothing changed: one per approval period renewed. */
export interface VerificationRenewalsTable {
  id: Generated<string>;
  user_id: string;
  previous_until: Timestamp;
  renewed_until: Timestamp;
  created_at: CreatedAt;
}

/** Staff met the applicant in person (date, place, note). */
export interface VerificationMeetingsTable {
  id: Generated<string>;
  user_id: string;
  staff_id: string | null;
  /** YYYY-MM-DD */
  met_on: string;
  place: string;
  note: Generated<string>;
  created_at: CreatedAt;
}

export type BusinessType = 'individual' | 'cooperative' | 'cooperative_group' | 'household';
export type MemberRole = 'manager' | 'member';
export type MemberState = 'invited' | 'active' | 'declined' | 'removed';

/** A member of a cooperative or household business (1900), invited by phone or e-mail. */
export interface BusinessMembersTable {
  id: Generated<string>;
  business_id: string;
  invited_by: string | null;
  invited_phone: string | null;
  invited_email: string | null;
  user_id: string | null;
  role: MemberRole;
  state: Generated<MemberState>;
  display_name: string | null;
  is_woman: Generated<boolean>;
  show_on_storefront: Generated<boolean>;
  created_at: CreatedAt;
  accepted_at: Timestamp | null;
}

/** An OCOP certificate number belongs to one seller (1900). */
export interface OcopCertificatesTable {
  number: string;
  seller_id: string;
  created_at: CreatedAt;
}

export type OcopStatus = 'none' | 'submitted' | 'verified' | 'rejected';

// ---- verification ----
export type DocumentKind = 'citizen_id' | 'business_registration';

export interface VerificationDocumentsTable {
  id: Generated<string>;
  user_id: string;
  kind: DocumentKind;
  storage_key: string | null;
  thumbnail_key: string | null;
  content_type: string;
  size_bytes: number;
  original_name: Generated<string>;
  created_at: CreatedAt;
  deleted_at: Timestamp | null;
}

export interface MentorProfilesTable {
  user_id: string;
  expertise: ExpertiseArea[];
  languages: MentorLanguage[];
  experience: string;
  bio: string;
  province: string;
  status: Generated<VerificationStatus>;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  approved_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** Set by the scam screening on save (danger): the bio is not shown publicly until staff clear it. */
  bio_held: Generated<boolean>;
}

export interface VerificationEventsTable {
  id: Generated<number>;
  subject: 'business' | 'mentor';
  user_id: string;
  actor_id: string | null;
  from_status: VerificationStatus;
  to_status: VerificationStatus;
  reason_code: EventReason | null;
  reason_text: string | null;
  created_at: CreatedAt;
}

// ---- market ----
export type ListingState = 'draft' | 'published' | 'archived';
type Derived<T> = ColumnType<T, never, never>;

export interface ListingsTable {
  id: Generated<string>;
  seller_id: string;
  title: string;
  description: Generated<string>;
  price: ColumnType<number, number | bigint, number | bigint>;
  stock: Generated<number>;
  category: string;
  shipping_fee: Generated<number>;
  shipping_provinces: Generated<string[]>;
  state: Generated<ListingState>;
  published_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  title_plain: Derived<string>;
  search: Derived<string>;
  /** Copies of the seller's business_profiles row, kept exact by triggers. */
  seller_status: ColumnType<VerificationStatus | 'none', never, never>;
  seller_province: ColumnType<string, never, never>;
  moderation_state: Generated<ListingModerationState>;
  moderation_signals: Generated<string[]>;
  /** Copy of the seller's suspension end (infinity: for good), kept exact by triggers (0810). */
  seller_suspended_until: ColumnType<Date | null, never, never>;
  /** The seller's cap on units of this listing in one order; null: none (0910). */
  max_per_order: number | null;
  /** Origin and OCOP (1900). */
  origin_province: string | null;
  maker_member_id: string | null;
  ocop_stars: number | null;
  ocop_number: string | null;
  ocop_year: number | null;
  ocop_certificate_key: string | null;
  ocop_status: Generated<OcopStatus>;
  ocop_decided_by: string | null;
  ocop_decided_at: Timestamp | null;
  ocop_submitted_at: Timestamp | null;
}

/** One sellable variant of a listing (1600): its stock is the truth, listings.stock their sum. */
export interface ListingVariantsTable {
  id: Generated<string>;
  listing_id: string;
  name: Generated<string>;
  position: Generated<number>;
  price: ColumnType<number | null, number | bigint | null | undefined, number | bigint | null>;
  stock: Generated<number>;
  sku: string | null;
  retired_at: Timestamp | null;
  created_at: CreatedAt;
}

/** Group mentoring (1610): seats_taken <= seats is checked by PostgreSQL. */
export interface GroupSessionsTable {
  id: Generated<string>;
  host_id: string;
  title: string;
  description: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  seats: number;
  seats_taken: Generated<number>;
  price: ColumnType<number, number | bigint | undefined, number | bigint>;
  meeting_mode: 'video' | 'phone' | 'in_person';
  meeting_place: Generated<string>;
  status: Generated<'open' | 'cancelled'>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface GroupBookingsTable {
  id: Generated<string>;
  group_session_id: string;
  attendee_id: string;
  status: Generated<'awaiting_payment' | 'booked' | 'cancelled'>;
  attended: boolean | null;
  created_at: CreatedAt;
  cancelled_at: Timestamp | null;
  /** Paid seats (2000): the price per seat when booked, held while she pays. */
  price: ColumnType<number, number | bigint | undefined, number | bigint>;
  hold_expires_at: Timestamp | null;
  payment_reference: string | null;
  payment_intent: string | null;
  paid_at: Timestamp | null;
}

/** A refund owed by a committed change (2000), sent after it and retried with backoff; unique key per subject. */
export interface OwedRefundsTable {
  id: Generated<string>;
  kind: 'order' | 'mentoring' | 'group_seat';
  subject_id: string;
  rail: PaymentMethod;
  payment_intent: string | null;
  amount: ColumnType<number, number | bigint, number | bigint>;
  idempotency_key: string;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  refund_reference: string | null;
  sent_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface GroupRemindersTable {
  booking_id: string;
  kind: '24h' | '1h';
  sent_at: CreatedAt;
}

export type ListingModerationState = 'clear' | 'flagged' | 'held' | 'hidden';

export interface ListingImagesTable {
  id: Generated<string>;
  listing_id: string;
  position: number;
  image_key: string;
  small_key: string;
  thumb_key: string;
  width: number;
  height: number;
  created_at: CreatedAt;
}

// ---- learning ----
export interface LearningCoursesTable {
  slug: string;
  title_vi: string;
  title_en: string;
  summary_vi: Generated<string>;
  summary_en: Generated<string>;
  is_core: Generated<boolean>;
  position: Generated<number>;
  published: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface LearningModulesTable {
  id: Generated<number>;
  course_slug: string;
  position: Generated<number>;
  title_vi: string;
  title_en: string;
  published: Generated<boolean>;
  pass_percent: Generated<number>;
  created_at: CreatedAt;
}

export interface LearningLessonsTable {
  id: string;
  course_slug: string;
  slug: string;
  module_id: number;
  position: Generated<number>;
  title_vi: string;
  title_en: string;
  body_vi: Generated<string>;
  body_en: Generated<string>;
  video_url: string | null;
  minutes: Generated<number>;
  published: Generated<boolean>;
  updated_at: Timestamp;
}

export type QuestionKind = 'single' | 'multiple' | 'true_false';

export interface LearningQuestionsTable {
  id: Generated<number>;
  module_id: number;
  position: Generated<number>;
  kind: QuestionKind;
  prompt_vi: string;
  prompt_en: string;
  created_at: CreatedAt;
}

export interface LearningChoicesTable {
  id: Generated<number>;
  question_id: number;
  position: Generated<number>;
  text_vi: string;
  text_en: string;
  correct: Generated<boolean>;
  explanation_vi: Generated<string>;
  explanation_en: Generated<string>;
}

export interface LearningQuizAttemptsTable {
  id: Generated<number>;
  module_id: number;
  user_id: string;
  correct: number;
  total: number;
  score_percent: number;
  passed: boolean;
  created_at: CreatedAt;
}

export interface LearningAttemptAnswersTable {
  attempt_id: number;
  question_id: number;
  chosen: Generated<number[]>;
  correct: boolean;
}

export interface LearningEnrolmentsTable {
  user_id: string;
  course_slug: string;
  last_lesson_id: string | null;
  started_at: CreatedAt;
  last_seen_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface LearningLessonProgressTable {
  user_id: string;
  lesson_id: string;
  completed_at: CreatedAt;
}

export interface LearningCertificatesTable {
  code: string;
  user_id: string;
  course_slug: string;
  holder_name: string;
  issued_at: CreatedAt;
}

export type GameCardKind = 'chat' | 'listing' | 'payment' | 'sms' | 'link';
export type GameVerdict = 'safe' | 'scam';

export interface LearningGameCardsTable {
  id: Generated<number>;
  slug: string;
  kind: GameCardKind;
  verdict: GameVerdict;
  header_vi: string;
  header_en: string;
  lines_vi: string;
  lines_en: string;
  tell_vi: string;
  tell_en: string;
  explanation_vi: string;
  explanation_en: string;
  lesson_id: string | null;
  position: Generated<number>;
  published: Generated<boolean>;
  updated_at: Timestamp;
}

export interface LearningGamePlaysTable {
  id: Generated<number>;
  user_id: string;
  card_id: number;
  answer: GameVerdict;
  correct: boolean;
  points: number;
  streak: number;
  created_at: CreatedAt;
}

export interface OfflineReplaysTable {
  key: string;
  user_id: string;
  path: string;
  created_at: CreatedAt;
}

export interface LearningLessonAudioTable {
  id: string;
  lesson_id: string;
  language: 'vi' | 'en' | 'hmn' | 'tyz' | 'tdd' | 'km';
  storage_key: string;
  content_type: 'audio/mpeg' | 'audio/mp4' | 'audio/ogg' | 'audio/webm';
  size_bytes: number;
  created_at: CreatedAt;
}

export interface LearningGameScoresTable {
  user_id: string;
  points: Generated<number>;
  streak: Generated<number>;
  best_streak: Generated<number>;
  rounds: Generated<number>;
  updated_at: Timestamp;
}

// ---- mentoring ----
export type MeetingMode = 'video' | 'phone' | 'in_person';
export type SessionStatus = 'awaiting_payment' | 'pending' | 'confirmed' | 'declined' | 'cancelled';

export interface MentorOffersTable {
  mentor_id: string;
  topics: MentoringTopic[];
  languages: MentorLanguage[];
  session_minutes: Generated<number>;
  buffer_minutes: Generated<number>;
  min_notice_hours: Generated<number>;
  max_days_ahead: Generated<number>;
  price: Generated<number>;
  meeting_mode: MeetingMode;
  meeting_place: Generated<string>;
  requires_confirmation: Generated<boolean>;
  cancel_cutoff_hours: Generated<number>;
  time_zone: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MentorWeeklyHoursTable {
  id: Generated<number>;
  mentor_id: string;
  weekday: number;
  start_minute: number;
  end_minute: number;
}

export interface MentorDateExceptionsTable {
  id: Generated<number>;
  mentor_id: string;
  day: ColumnType<string, string, string>;
  kind: 'off' | 'extra';
  start_minute: number | null;
  end_minute: number | null;
}

export interface MentoringSessionsTable {
  id: Generated<string>;
  mentor_id: string;
  mentee_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  blocked_until: Timestamp;
  status: SessionStatus;
  note: Generated<string>;
  price: Generated<number>;
  meeting_mode: MeetingMode;
  meeting_place: Generated<string>;
  time_zone: string;
  cancelled_by: 'mentee' | 'mentor' | null;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  late_cancellation: Generated<boolean>;
  reschedule_count: Generated<number>;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Timestamp | null;
  mentor_notes: Generated<string>;
  follow_up: Generated<string>;
  hold_expires_at: Timestamp | null;
  stripe_session_id: string | null;
  stripe_payment_intent: string | null;
  paid_at: Timestamp | null;
  refund_id: string | null;
  refund_amount: number | null;
  refunded_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MentoringRemindersTable {
  session_id: string;
  kind: '24h' | '1h';
  sent_at: CreatedAt;
}

// ---- orders ----
export type OrderState =
  'awaiting_payment' | 'placed' | 'accepted' | 'shipped' | 'delivered' | 'completed' | 'cancelled' | 'refunded';
export type PaymentMethod = 'cod' | 'card' | 'vietqr';
export type PaymentFlag = 'amount_mismatch' | 'late_transfer' | 'refund_due';
type Money = ColumnType<number, number | bigint, number | bigint>;

export interface CartItemsTable {
  buyer_id: string;
  listing_id: string;
  /** The variant in the cart (1600); written without it: the listing's first live variant (a trigger). */
  variant_id: ColumnType<string, string | undefined, string>;
  quantity: number;
  added_at: CreatedAt;
}

export interface OrdersTable {
  id: Generated<string>;
  checkout_id: string;
  buyer_id: string;
  seller_id: string;
  state: OrderState;
  payment_method: PaymentMethod;
  delivery_name: string;
  delivery_phone: string;
  delivery_address: string;
  delivery_province: string;
  /** The buyer's ward (xã/phường) after the 2025 merger, when she gave it (1950). */
  delivery_ward: ColumnType<string | null, string | null | undefined, string | null>;
  subtotal: Money;
  shipping_fee: Money;
  total: Money;
  carrier: string | null;
  tracking_code: string | null;
  cancel_reason: string | null;
  stripe_session_id: string | null;
  stripe_payment_intent: string | null;
  pay_by: Timestamp | null;
  placed_at: Timestamp | null;
  shipped_at: Timestamp | null;
  delivered_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  payment_code: string | null;
  payee_bin: string | null;
  payee_account: string | null;
  payee_name: string | null;
  payment_flag: PaymentFlag | null;
}

export interface OrderItemsTable {
  id: Generated<number>;
  order_id: string;
  listing_id: string | null;
  title: string;
  unit_price: Money;
  quantity: number;
  /** The variant bought and its name then ('' without options) (1600). */
  variant_id: string | null;
  variant_name: Generated<string>;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: string;
  actor_id: string | null;
  actor_role: 'buyer' | 'seller' | 'system';
  from_state: OrderState | null;
  to_state: OrderState;
  note: string | null;
  problem_step: ProblemStep | null;
  created_at: CreatedAt;
}

export interface OrderReviewsTable {
  order_id: string;
  seller_id: string;
  buyer_id: string;
  rating: number;
  comment: Generated<string>;
  reply: string | null;
  replied_at: Timestamp | null;
  created_at: CreatedAt;
  /** Staff hid it (2050): public pages leave it out. */
  hidden_at: Timestamp | null;
}

/** Up to 3 photos of a review (2050): public keys under public/reviews/<order>/. */
export interface ReviewPhotosTable {
  id: Generated<string>;
  order_id: string;
  buyer_id: string;
  position: number;
  image_key: string;
  small_key: string;
  thumb_key: string;
  width: number;
  height: number;
  created_at: CreatedAt;
}

// ---- payments: VietQR (1000) ----
export interface PayoutAccountsTable {
  seller_id: string;
  bank_bin: string;
  account_number: string;
  account_name: string;
  status: 'pending' | 'approved' | 'rejected';
  approved_by: 'name_match' | 'staff' | null;
  reviewer_id: string | null;
  decided_at: Timestamp | null;
  webhook_key_hash: string | null;
  submitted_at: CreatedAt;
}

export type TransferOutcome = 'paid' | 'amount_mismatch' | 'late_transfer' | 'already_paid' | 'unmatched';

export interface BankTransfersTable {
  id: Generated<number>;
  provider: 'sepay';
  provider_id: string;
  seller_id: string;
  order_id: string | null;
  amount: Money;
  account_number: string;
  content: string;
  outcome: TransferOutcome;
  received_at: CreatedAt;
}

export interface StripeEventsTable {
  id: string;
  type: string;
  received_at: CreatedAt;
}

// ---- messaging ----
export type ScamLevel = 'none' | 'caution' | 'danger';

export interface ConversationsTable {
  id: Generated<string>;
  user_a: string;
  user_b: string;
  started_by: string;
  listing_id: string | null;
  order_id: string | null;
  session_id: string | null;
  created_at: CreatedAt;
  last_message_at: Generated<Date>;
}

export interface ConversationMembersTable {
  conversation_id: string;
  user_id: string;
  muted_at: Timestamp | null;
  last_read_at: Timestamp | null;
}

export interface MessagesTable {
  id: Generated<string>;
  conversation_id: string;
  sender_id: string;
  body: string;
  scam_level: Generated<ScamLevel>;
  scam_signals: Generated<string[]>;
  hidden_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface UserBlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: CreatedAt;
}

// ---- moderation ----
export type ReportCategory = 'scam' | 'harassment' | 'counterfeit' | 'other' | 'screening' | 'rate_limit';
export type ReportResolution =
  'dismissed' | 'warned' | 'listing_hidden' | 'suspended' | 'verification_revoked' | 'review_hidden';
export type ModerationAction =
  | 'dismiss'
  | 'warn'
  | 'hide_listing'
  | 'suspend'
  | 'unsuspend'
  | 'revoke_verification'
  | 'clear_listing'
  | 'clear_profile'
  | 'hide_review';

export interface ReportsTable {
  id: Generated<string>;
  reporter_id: string | null;
  subject_user_id: string;
  message_id: string | null;
  listing_id: string | null;
  /** A report about a review (2050). */
  review_order_id: string | null;
  category: ReportCategory;
  note: Generated<string>;
  signals: Generated<string[]>;
  status: Generated<'open' | 'resolved'>;
  resolution: ReportResolution | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface ModerationActionsTable {
  id: Generated<number>;
  report_id: string | null;
  staff_id: string | null;
  subject_user_id: string;
  listing_id: string | null;
  action: ModerationAction;
  reason: string;
  suspended_until: Timestamp | null;
  created_at: CreatedAt;
}

/** Issue 17: numbers (keyed hashes) and links staff upheld as scams; see migration 0930. */
export interface ScamAccountsTable {
  id: Generated<number>;
  kind: 'number' | 'link';
  key: string;
  hint: string;
  reason: string;
  report_id: string | null;
  added_by: string | null;
  created_at: CreatedAt;
  removed_at: Timestamp | null;
  removed_by: string | null;
  removed_reason: string | null;
}

// ---- privacy: data exports (0990) ----
export interface DataExportsTable {
  id: Generated<string>;
  user_id: string;
  status: Generated<'pending' | 'ready' | 'failed'>;
  storage_key: string | null;
  size_bytes: number | null;
  created_at: CreatedAt;
  ready_at: Timestamp | null;
  expires_at: Generated<Date>;
}

// ---- problems with orders (1200) ----
export type ProblemKind = 'not_received' | 'not_as_described' | 'damaged' | 'wrong_item';
export type ProblemState = 'awaiting_seller' | 'answered' | 'with_staff' | 'resolved' | 'withdrawn' | 'decided';
export type ProblemStep = 'opened' | 'answered' | 'accepted' | 'escalated' | 'withdrawn' | 'decided' | 'refunded';

export interface OrderProblemsTable {
  id: Generated<string>;
  order_id: string;
  buyer_id: string;
  seller_id: string;
  kind: ProblemKind;
  note: string;
  state: ProblemState;
  answer_due: Timestamp;
  answer_kind: 'refund' | 'replacement' | 'reply' | null;
  answer_note: string | null;
  refund_amount: Money | null;
  refund_reference: string | null;
  refunded_at: Timestamp | null;
  escalated_by: 'buyer' | 'seller' | null;
  escalated_at: Timestamp | null;
  decision: 'refund_owed' | 'no_refund' | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OrderProblemPhotosTable {
  id: Generated<string>;
  problem_id: string;
  side: 'buyer' | 'seller';
  purpose: 'evidence' | 'receipt';
  key: string;
  thumbnail_key: string | null;
  created_at: CreatedAt;
}

export type ShipmentStatus = 'ready_to_pick' | 'picked_up' | 'in_transit' | 'delivered' | 'returned' | 'cancelled';

/** Where the carrier picks up a seller's parcels (1950). */
export interface PickupAddressesTable {
  seller_id: string;
  name: string;
  phone: string;
  address: string;
  province: string;
  ward: string;
  updated_at: Timestamp;
}

/** One carrier shipment per order (1950). */
export interface ShipmentsTable {
  order_id: string;
  carrier: string;
  carrier_order_code: string;
  label_url: string | null;
  status: ColumnType<ShipmentStatus, ShipmentStatus | undefined, ShipmentStatus>;
  carrier_status: ColumnType<string, string | undefined, string>;
  fee: Money;
  cod_amount: ColumnType<number, number | bigint | undefined, number | bigint>;
  cod_collected: ColumnType<number | null, number | bigint | null | undefined, number | bigint | null>;
  cod_transferred_at: Timestamp | null;
  weight_grams: number;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The carrier's tracking updates, each applied once (1950). */
export interface ShipmentEventsTable {
  id: Generated<number>;
  order_id: string;
  carrier: string;
  event_key: string;
  carrier_status: string;
  description: ColumnType<string, string | undefined, string>;
  happened_at: Timestamp | null;
  received_at: CreatedAt;
}

export interface Database {
  pickup_addresses: PickupAddressesTable;
  shipments: ShipmentsTable;
  shipment_events: ShipmentEventsTable;
  users: UsersTable;
  otp_challenges: OtpChallengesTable;
  email_confirmations: EmailConfirmationsTable;
  zalo_tokens: ZaloTokensTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  login_failures: LoginFailuresTable;
  password_reset_requests: PasswordResetRequestsTable;
  signup_requests: SignupRequestsTable;
  outbox_emails: OutboxEmailsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  business_profiles: BusinessProfilesTable;
  business_members: BusinessMembersTable;
  ocop_certificates: OcopCertificatesTable;
  verification_documents: VerificationDocumentsTable;
  mentor_profiles: MentorProfilesTable;
  verification_events: VerificationEventsTable;
  listings: ListingsTable;
  listing_images: ListingImagesTable;
  listing_variants: ListingVariantsTable;
  group_sessions: GroupSessionsTable;
  group_bookings: GroupBookingsTable;
  group_reminders: GroupRemindersTable;
  owed_refunds: OwedRefundsTable;
  mentor_offers: MentorOffersTable;
  mentor_weekly_hours: MentorWeeklyHoursTable;
  mentor_date_exceptions: MentorDateExceptionsTable;
  mentoring_sessions: MentoringSessionsTable;
  mentoring_reminders: MentoringRemindersTable;
  learning_courses: LearningCoursesTable;
  learning_modules: LearningModulesTable;
  learning_lessons: LearningLessonsTable;
  learning_questions: LearningQuestionsTable;
  learning_choices: LearningChoicesTable;
  learning_quiz_attempts: LearningQuizAttemptsTable;
  learning_attempt_answers: LearningAttemptAnswersTable;
  learning_enrolments: LearningEnrolmentsTable;
  learning_lesson_progress: LearningLessonProgressTable;
  learning_certificates: LearningCertificatesTable;
  learning_game_cards: LearningGameCardsTable;
  learning_game_plays: LearningGamePlaysTable;
  learning_game_scores: LearningGameScoresTable;
  offline_replays: OfflineReplaysTable;
  learning_lesson_audio: LearningLessonAudioTable;
  cart_items: CartItemsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_events: OrderEventsTable;
  order_reviews: OrderReviewsTable;
  review_photos: ReviewPhotosTable;
  stripe_events: StripeEventsTable;
  payout_accounts: PayoutAccountsTable;
  bank_transfers: BankTransfersTable;
  order_problems: OrderProblemsTable;
  order_problem_photos: OrderProblemPhotosTable;
  conversations: ConversationsTable;
  conversation_members: ConversationMembersTable;
  messages: MessagesTable;
  user_blocks: UserBlocksTable;
  reports: ReportsTable;
  moderation_actions: ModerationActionsTable;
  scam_accounts: ScamAccountsTable;
  two_factor: TwoFactorTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  login_challenges: LoginChallengesTable;
  audit_log: AuditLogTable;
  consents: ConsentsTable;
  data_exports: DataExportsTable;
  staff_scopes: StaffScopesTable;
  review_assignments: ReviewAssignmentsTable;
  verification_reminders: VerificationRemindersTable;
  verification_renewals: VerificationRenewalsTable;
  verification_meetings: VerificationMeetingsTable;
  assisted_signups: AssistedSignupsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
