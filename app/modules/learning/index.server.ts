// Learners' side of the courses: catalogue, lessons, progress, quizzes,
// completion and certificates. The rules, in one place:
// - A course's steps are its PUBLISHED lessons in PUBLISHED modules, plus the quiz
//   of every published module that has at least one question.
// - A lesson step is done once she marks it read; a quiz step once any attempt
//   passed (score >= the module's passing mark; the best score is what counts).
// - A course is complete when every current step is done. Completion is recorded
//   once, with a certificate; the certificate stays valid for that date even if
//   the course changes later. The Safe Seller badge, by contrast, is computed
//   live against the core course's current steps (see badge.server.ts).
//
// Routes and other capabilities import the server functions below (index.ts holds
// the browser-safe ones); staff editing
// (staff.server.ts) and the badge (badge.server.ts) are their own files.

export {
  localized,
  listCourses,
  findCourseOutline,
  stepPath,
  type StepCounts,
  type CourseOutline,
  type Step,
} from './courses.server';
export { findLesson, recordLessonVisit, completeLesson, usersWhoCompleted, newCertificateCode } from './lessons.server';
export {
  findQuiz,
  loadQuestions,
  scoreAnswers,
  submitQuiz,
  findAttempt,
  type QuizQuestion,
  type RawChoice,
} from './quizzes.server';
export { findCertificate, listCertificates } from './certificates.server';
export {
  findGameScore,
  nextGameCard,
  presentCard,
  answerGameCard,
  judgeGameCard,
  anyGameCard,
  findGamePlay,
} from './game.server';
