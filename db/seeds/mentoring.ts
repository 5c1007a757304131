import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { MentoringTopic } from '../../app/modules/mentoring/options';
import type { MentorLanguage } from '../../app/modules/verification/options';
import { defined } from '../../app/lib/defined';

// Mentoring demo: the three approved mentors of the verification seed offer
// sessions (two free, one paid), with weekly hours for the coming weeks, a date
// off and an extra date; seller@sen.test has one session held last week with
// mentor@sen.test (ready to be rated) and buyer@sen.test a rated one with mentor2.
// Runs again on seeded data without duplicating anything.

type OfferSeed = {
  email: string;
  topics: MentoringTopic[];
  languages: MentorLanguage[];
  sessionMinutes: number;
  bufferMinutes: number;
  price: number;
  meetingMode: 'video' | 'phone' | 'in_person';
  meetingPlace: string;
  requiresConfirmation: boolean;
  timeZone: string;
  weekly: [number, number, number][]; // weekday, start minute, end minute
};

const h = (hour: number, minute = 0) => hour * 60 + minute;

export const mentoringOffers: OfferSeed[] = [
  {
    email: 'mentor@sen.test',
    topics: ['online_selling', 'product_photos', 'pricing'],
    languages: ['vi', 'en'],
    sessionMinutes: 45,
    bufferMinutes: 15,
    price: 0,
    meetingMode: 'video',
    meetingPlace: 'https://meet.jit.si/sen-mentor-ha',
    requiresConfirmation: false,
    timeZone: 'Asia/Ho_Chi_Minh',
    weekly: [
      [1, h(9), h(12)],
      [1, h(19), h(21)],
      [3, h(9), h(12)],
      [5, h(14), h(17)],
      [6, h(8), h(11)],
    ],
  },
  {
    email: 'mentor2@sen.test',
    topics: ['digital_safety', 'packaging'],
    languages: ['vi', 'hmong'],
    sessionMinutes: 60,
    bufferMinutes: 30,
    price: 0,
    meetingMode: 'in_person',
    meetingPlace: 'Hợp tác xã thêu Tả Van, Sa Pa',
    requiresConfirmation: true,
    timeZone: 'Asia/Ho_Chi_Minh',
    weekly: [
      [2, h(8), h(11)],
      [4, h(13), h(16)],
    ],
  },
  {
    email: 'mentor3@sen.test',
    topics: ['bookkeeping', 'pricing', 'business_law'],
    languages: ['vi', 'khmer'],
    sessionMinutes: 60,
    bufferMinutes: 10,
    price: 200_000,
    meetingMode: 'phone',
    meetingPlace: '',
    requiresConfirmation: false,
    timeZone: 'Asia/Ho_Chi_Minh',
    weekly: [
      [2, h(19), h(21)],
      [4, h(19), h(21)],
      [7, h(9), h(11)],
    ],
  },
];

export async function seedMentoring(db: Kysely<Database>, now = new Date()) {
  const ids: Record<string, string> = {};
  const users = await db.selectFrom('users').select(['id', 'email']).execute();
  for (const u of users) if (u.email) ids[u.email] = u.id;
  for (const o of mentoringOffers) {
    const mentorId = ids[o.email];
    if (!mentorId) continue;
    const approved = await db
      .selectFrom('mentor_profiles')
      .select('user_id')
      .where('user_id', '=', mentorId)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (!approved) continue;
    const exists = await db
      .selectFrom('mentor_offers')
      .select('mentor_id')
      .where('mentor_id', '=', mentorId)
      .executeTakeFirst();
    if (exists) continue;
    await db
      .insertInto('mentor_offers')
      .values({
        mentor_id: mentorId,
        topics: o.topics,
        languages: o.languages,
        session_minutes: o.sessionMinutes,
        buffer_minutes: o.bufferMinutes,
        min_notice_hours: 12,
        max_days_ahead: 42,
        price: o.price,
        meeting_mode: o.meetingMode,
        meeting_place: o.meetingPlace,
        requires_confirmation: o.requiresConfirmation,
        cancel_cutoff_hours: 12,
        time_zone: o.timeZone,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('mentor_weekly_hours')
      .values(
        o.weekly.map(([weekday, start, end]) => ({
          mentor_id: mentorId,
          weekday,
          start_minute: start,
          end_minute: end,
        })),
      )
      .execute();
    const inDays = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    await db
      .insertInto('mentor_date_exceptions')
      .values([
        { mentor_id: mentorId, day: inDays(10), kind: 'off' },
        { mentor_id: mentorId, day: inDays(12), kind: 'extra', start_minute: h(15), end_minute: h(17) },
      ])
      .execute();
  }

  // Sessions already held (a week ago), so ratings and "after the session" can be shown.
  const held = [
    {
      mentee: 'seller@sen.test',
      mentor: 'mentor@sen.test',
      daysAgo: 7,
      rating: null,
      note: 'Chụp ảnh sản phẩm thổ cẩm bằng điện thoại',
    },
    {
      mentee: 'buyer@sen.test',
      mentor: 'mentor2@sen.test',
      daysAgo: 9,
      rating: 5,
      note: 'Giữ an toàn tài khoản Zalo bán hàng',
    },
  ];
  for (const s of held) {
    const mentorId = ids[s.mentor];
    const menteeId = ids[s.mentee];
    if (!mentorId || !menteeId) continue;
    const exists = await db
      .selectFrom('mentoring_sessions')
      .select('id')
      .where('mentor_id', '=', mentorId)
      .where('mentee_id', '=', menteeId)
      .executeTakeFirst();
    if (exists) continue;
    const start = new Date(now.getTime() - s.daysAgo * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    const offer = defined(
      mentoringOffers.find((o) => o.email === s.mentor),
      `offer of ${s.mentor}`,
    );
    const end = new Date(start.getTime() + offer.sessionMinutes * 60_000);
    await db
      .insertInto('mentoring_sessions')
      .values({
        mentor_id: mentorId,
        mentee_id: menteeId,
        starts_at: start,
        ends_at: end,
        blocked_until: new Date(end.getTime() + offer.bufferMinutes * 60_000),
        status: 'confirmed',
        note: s.note,
        meeting_mode: offer.meetingMode,
        meeting_place: offer.meetingPlace,
        time_zone: offer.timeZone,
        rating: s.rating,
        rating_comment: s.rating ? 'Chị hướng dẫn rất dễ hiểu, cảm ơn chị!' : null,
        rated_at: s.rating ? end : null,
        created_at: new Date(start.getTime() - 3 * 86_400_000),
        updated_at: end,
      })
      .execute();
  }
}
