import { db } from '../../app/lib/db.server';
import { saveOffer } from '../../app/modules/mentoring/index.server';

type Person = { id: string };

/** A free 60-minute phone offer, Mondays 9:00–12:00, booked without confirmation. */
export const freePhoneOffer: Parameters<typeof saveOffer>[1] = {
  topics: ['pricing'],
  languages: ['vi'],
  sessionMinutes: 60,
  bufferMinutes: 0,
  minNoticeHours: 0,
  maxDaysAhead: 14,
  price: 0,
  meetingMode: 'phone',
  meetingPlace: '',
  requiresConfirmation: false,
  cancelCutoffHours: 12,
  timeZone: 'Asia/Ho_Chi_Minh',
  active: true,
  weekly: { 1: [{ start: 540, end: 720 }] },
};

let pending: Promise<{ mentorId: string; sessionId: string }> | undefined;

/** The mentor approved with an offer, and one session of hers with the entrepreneur (made once per file). */
export function mentoringFixture(people: { mentor: Person; entrepreneur: Person }) {
  pending ??= (async () => {
    const mentorId = people.mentor.id;
    await db
      .insertInto('mentor_profiles')
      .values({
        user_id: mentorId,
        expertise: ['finance'],
        languages: ['vi'],
        experience: 'x',
        bio: 'x',
        province: 'ha-noi',
        status: 'approved',
        updated_at: new Date(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await saveOffer(mentorId, freePhoneOffer);
    const start = new Date(Date.now() + 5 * 86_400_000);
    const session = await db
      .insertInto('mentoring_sessions')
      .values({
        mentor_id: mentorId,
        mentee_id: people.entrepreneur.id,
        starts_at: start,
        ends_at: new Date(start.getTime() + 3_600_000),
        blocked_until: new Date(start.getTime() + 3_600_000),
        status: 'confirmed',
        meeting_mode: 'phone',
        time_zone: 'Asia/Ho_Chi_Minh',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { mentorId, sessionId: session.id };
  })();
  return pending;
}
