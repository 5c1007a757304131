import { messages } from '~/locales';
import { detectScam } from './detector';
import { LESSONS, type LessonId, type SignalCode } from './detector/signals';

/** The scams the safety centre explains, each with the lesson that teaches it. */
export const CENTRE_SCAMS = [
  { id: 'deposit', lessonId: 'ban-hang-an-toan/deposits-and-transfers' },
  { id: 'screenshot', lessonId: 'ban-hang-an-toan/fake-transfer-screenshots' },
  { id: 'mistaken', lessonId: 'ban-hang-an-toan/overpayment-and-mistaken-transfers' },
  { id: 'shipper', lessonId: 'ban-hang-an-toan/fake-shippers-and-fees' },
  { id: 'otp', lessonId: 'bao-ve-thong-tin/never-share-otp' },
  { id: 'idcard', lessonId: 'bao-ve-thong-tin/id-card-photos' },
  { id: 'links', lessonId: 'bao-ve-thong-tin/phishing-links' },
  { id: 'impersonation', lessonId: 'bao-ve-thong-tin/impersonation' },
  { id: 'jobprize', lessonId: 'ban-hang-an-toan/job-and-prize-scams' },
  { id: 'remote', lessonId: 'bao-ve-thong-tin/remote-control-apps' },
  { id: 'offplatform', lessonId: 'ban-hang-an-toan/stay-on-platform-chat' },
] as const satisfies ReadonlyArray<{ id: string; lessonId: LessonId }>;

export type CentreScamId = (typeof CENTRE_SCAMS)[number]['id'];

type Warning = { level: 'none' | 'caution' | 'danger'; signals: Array<{ code: SignalCode; lessonId: LessonId }> };

/**
 * What the detector says about each example message, in both languages (the
 * example differs by language), so the page shows the very warning Sen shows.
 */
export function exampleWarnings(): Record<'vi' | 'en', Record<CentreScamId, Warning>> {
  const out = { vi: {}, en: {} } as Record<'vi' | 'en', Record<CentreScamId, Warning>>;
  for (const locale of ['vi', 'en'] as const) {
    for (const scam of CENTRE_SCAMS) {
      const result = detectScam(messages[locale][`safety.scam.${scam.id}.example`], { locale });
      out[locale][scam.id] = {
        level: result.level,
        signals: result.signals.map(({ code, lessonId }) => ({ code, lessonId })),
      };
    }
  }
  return out;
}

/** The three courses and their lessons, in the contract's order. */
type CourseOf<L extends string> = L extends `${infer C}/${string}` ? C : never;
/** The courses of the lessons, in the lessons' order (each has its title safety.course.<course>). */
const safetyCourses = [
  'ban-hang-an-toan',
  'bao-ve-thong-tin',
  'an-toan-truoc-quay-roi',
] as const satisfies readonly CourseOf<LessonId>[];

export function courses() {
  return safetyCourses
    .map((course) => ({ course, lessons: LESSONS.filter((lesson) => lesson.startsWith(`${course}/`)) }))
    .filter((c) => c.lessons.length > 0);
}
