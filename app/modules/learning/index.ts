// What other capabilities may import from learning (browser-safe parts only;
// server functions live in *.server.ts: safeSellerIds in badge.server.ts).
export { coreCourseSlug, learningLessonIds, lessonPath, type LearningLessonId } from './lesson-ids';
export { SafeSellerBadge } from './safe-seller-badge';
