import type { Migration } from 'kysely';
import * as m0001 from './0001_enable_extensions';
import * as m0002 from './0002_create_users_and_sessions';
import * as m0003 from './0003_create_password_resets_and_login_attempts';
import * as m0004 from './0004_create_outbox_and_notifications';
import * as m0005 from './0005_create_business_profiles';
import * as m0100 from './0100_create_verification';
import * as m0200 from './0200_create_listings';
import * as m0201 from './0201_listing_seller_standing';
import * as m0300 from './0300_create_learning';
import * as m0500 from './0500_create_orders';
import * as m0600 from './0600_create_mentoring';
import * as m0650 from './0650_paid_mentoring_sessions';
import * as m0800 from './0800_create_messaging';
import * as m0801 from './0801_create_moderation';
import * as m0810 from './0810_moderation_effects';
import * as m0910 from './0910_account_abuse_limits';
import * as m0930 from './0930_create_scam_accounts';
import * as m0980 from './0980_create_two_factor_and_audit';
import * as m0981 from './0981_create_consents';
import * as m0982 from './0982_signup_consents';
import * as m0990 from './0990_privacy_exports_and_deletion';
import * as m1000 from './1000_create_vietqr_payments';
import * as m1020 from './1020_phone_numbers_and_codes';
import * as m1021 from './1021_email_optional';
import * as m1022 from './1022_deleted_accounts_unreachable';
import * as m1100 from './1100_notification_channels';
import * as m1150 from './1150_phone_change_and_added_email';
import * as m1200 from './1200_create_order_problems';
import * as m1300 from './1300_staff_scopes';
import * as m1301 from './1301_review_assignments';
import * as m1400 from './1400_offline_replays';
import * as m1600 from './1600_listing_variants';
import * as m1610 from './1610_group_sessions';
import * as m1750 from './1750_lesson_audio';
import * as m1800 from './1800_identity_renewal_meetings';
import * as m1801 from './1801_self_declared_groups';
import * as m1850 from './1850_union_desk';
import * as m1900 from './1900_cooperatives_and_ocop';
import * as m1950 from './1950_shipping_by_carrier';
import * as m2000 from './2000_owed_refunds_and_paid_seats';
import * as m2050 from './2050_review_photos';
import * as m2100 from './2100_renewal_with_changes';
import * as m2150 from './2150_verification_queue_index';

// Every migration, by name. A static list (not a folder read at run time) so the compiled
// server (build/server/, one bundle) carries them; tests/migrations-list.test.ts fails when a
// file of this folder is missing here.
export const migrations: Record<string, Migration> = {
  '0001_enable_extensions': m0001,
  '0002_create_users_and_sessions': m0002,
  '0003_create_password_resets_and_login_attempts': m0003,
  '0004_create_outbox_and_notifications': m0004,
  '0005_create_business_profiles': m0005,
  '0100_create_verification': m0100,
  '0200_create_listings': m0200,
  '0201_listing_seller_standing': m0201,
  '0300_create_learning': m0300,
  '0500_create_orders': m0500,
  '0600_create_mentoring': m0600,
  '0650_paid_mentoring_sessions': m0650,
  '0800_create_messaging': m0800,
  '0801_create_moderation': m0801,
  '0810_moderation_effects': m0810,
  '0910_account_abuse_limits': m0910,
  '0930_create_scam_accounts': m0930,
  '0980_create_two_factor_and_audit': m0980,
  '0981_create_consents': m0981,
  '0982_signup_consents': m0982,
  '0990_privacy_exports_and_deletion': m0990,
  '1000_create_vietqr_payments': m1000,
  '1020_phone_numbers_and_codes': m1020,
  '1021_email_optional': m1021,
  '1022_deleted_accounts_unreachable': m1022,
  '1100_notification_channels': m1100,
  '1150_phone_change_and_added_email': m1150,
  '1200_create_order_problems': m1200,
  '1300_staff_scopes': m1300,
  '1301_review_assignments': m1301,
  '1400_offline_replays': m1400,
  '1600_listing_variants': m1600,
  '1610_group_sessions': m1610,
  '1750_lesson_audio': m1750,
  '1800_identity_renewal_meetings': m1800,
  '1801_self_declared_groups': m1801,
  '1850_union_desk': m1850,
  '1900_cooperatives_and_ocop': m1900,
  '1950_shipping_by_carrier': m1950,
  '2000_owed_refunds_and_paid_seats': m2000,
  '2050_review_photos': m2050,
  '2100_renewal_with_changes': m2100,
  '2150_verification_queue_index': m2150,
};
