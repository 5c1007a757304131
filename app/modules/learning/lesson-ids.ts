// The lesson ids other capabilities may link to ("<course>/<lesson>", page at
// /learn/<course>/<lesson>). They never change: the safety capability's scam
// warnings point at them, and tests check that every one of them is seeded.

export const coreCourseSlug = 'ban-hang-an-toan';

export const learningLessonIds = [
  'ban-hang-an-toan/pay-on-platform',
  'ban-hang-an-toan/deposits-and-transfers',
  'ban-hang-an-toan/fake-transfer-screenshots',
  'ban-hang-an-toan/fake-shippers-and-fees',
  'ban-hang-an-toan/overpayment-and-mistaken-transfers',
  'ban-hang-an-toan/keeping-proof',
  'ban-hang-an-toan/stay-on-platform-chat',
  'ban-hang-an-toan/job-and-prize-scams',
  'bao-ve-thong-tin/strong-passwords',
  'bao-ve-thong-tin/two-step-verification',
  'bao-ve-thong-tin/never-share-otp',
  'bao-ve-thong-tin/phishing-links',
  'bao-ve-thong-tin/impersonation',
  'bao-ve-thong-tin/remote-control-apps',
  'bao-ve-thong-tin/what-to-publish',
  'bao-ve-thong-tin/id-card-photos',
  'an-toan-truoc-quay-roi/recognising-harassment',
  'an-toan-truoc-quay-roi/block-and-report',
  'an-toan-truoc-quay-roi/keeping-evidence',
  'an-toan-truoc-quay-roi/finding-help',
] as const;

export type LearningLessonId = (typeof learningLessonIds)[number];

/** The page that teaches a lesson: `/learn/<course>/<lesson>`. */
export function lessonPath(id: LearningLessonId | string) {
  return `/learn/${id}`;
}
