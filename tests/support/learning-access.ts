import { db } from '../../app/lib/db.server';
import { seedLearning } from '../../db/seeds/learning';
import { seedLessonAudio, seededAudio } from '../../db/seeds/lesson-audio';

// The learning routes' rows for tests/access.test.ts (kept here so the shared
// file changes by two lines). Paths that need content seed it first.

type Who = 'anonymous' | 'buyer' | 'entrepreneur' | 'mentor' | 'staff';
type Outcome = 'ok' | 'login' | 'forbidden' | 'away' | 'missing';
type Expect = Record<Who, Outcome>;
type Row = {
  file: string;
  path: string | (() => Promise<string>);
  method?: 'GET' | 'POST';
  form?: Record<string, string>;
  expect: Expect;
};

// Seeded while the test file loads (the file's database is ready by then), so
// no single row pays for it within its test timeout.
const seeding = await seedLearning(db);
const seed = async () => seeding;

async function firstModuleId(course: string) {
  await seed();
  const m = await db
    .selectFrom('learning_modules')
    .select('id')
    .where('course_slug', '=', course)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  return m.id;
}

async function someCertificate() {
  await seed();
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
  const code = 'TEST-CERT-0001';
  await db
    .insertInto('learning_certificates')
    .values({ code, user_id: user.id, course_slug: 'an-toan-truoc-quay-roi', holder_name: 'Test' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return `/certificates/${code}`;
}

const seededAudio_ = async () => {
  await seed();
  await seedLessonAudio(db);
  return `/lesson-audio/${seededAudio.id}`;
};

const seeded_ = (path: string) => async () => {
  await seed();
  return path;
};

export function learningRows(o: {
  everyone: (x: Outcome) => Expect;
  signedIn: (x: Outcome) => Expect;
  staffOnly: Expect;
}): Row[] {
  const { everyone, signedIn, staffOnly } = o;
  return [
    { file: 'learn._index.tsx', path: seeded_('/learn'), expect: everyone('ok') },
    { file: 'learn.$course._index.tsx', path: seeded_('/learn/ban-hang-an-toan'), expect: everyone('ok') },
    { file: 'learn.$course._index.tsx', path: '/learn/no-such-course', expect: everyone('missing') },
    {
      file: 'learn.$course.$lesson.tsx',
      path: seeded_('/learn/ban-hang-an-toan/pay-on-platform'),
      expect: everyone('ok'),
    },
    {
      file: 'learn.$course.$lesson.tsx',
      path: seeded_('/learn/ban-hang-an-toan/pay-on-platform'),
      method: 'POST',
      form: { intent: 'complete' },
      expect: signedIn('away'),
    },
    {
      file: 'learn.$course.quiz.$module.tsx',
      path: async () => `/learn/ban-hang-an-toan/quiz/${await firstModuleId('ban-hang-an-toan')}`,
      expect: signedIn('ok'),
    },
    {
      file: 'learn.$course.quiz.$module.tsx',
      path: async () => `/learn/ban-hang-an-toan/quiz/${await firstModuleId('ban-hang-an-toan')}`,
      method: 'POST',
      form: {},
      expect: signedIn('away'),
    },
    // Open to visitors (issue 22): a visitor's answers are judged, not kept.
    { file: 'learn.game.tsx', path: seeded_('/learn/game'), expect: everyone('ok') },
    {
      file: 'learn.game.tsx',
      path: seeded_('/learn/game'),
      method: 'POST',
      form: { card: 'x', answer: 'safe' },
      expect: everyone('ok'),
    },
    { file: 'learn.progress.tsx', path: seeded_('/learn/progress'), expect: signedIn('ok') },
    { file: 'learn.safe-seller.tsx', path: '/learn/safe-seller', expect: everyone('ok') },
    { file: 'certificates.$code.tsx', path: someCertificate, expect: everyone('ok') },
    { file: 'certificates.$code.tsx', path: '/certificates/AAAA-BBBB-CCCC', expect: everyone('missing') },
    { file: 'staff.learning._index.tsx', path: seeded_('/staff/learning'), expect: staffOnly },
    {
      file: 'staff.learning._index.tsx',
      path: '/staff/learning',
      method: 'POST',
      form: { slug: '' },
      expect: staffOnly,
    },
    { file: 'staff.learning.$course._index.tsx', path: seeded_('/staff/learning/ban-hang-an-toan'), expect: staffOnly },
    {
      file: 'staff.learning.$course.$lesson.tsx',
      path: seeded_('/staff/learning/ban-hang-an-toan/keeping-proof'),
      expect: staffOnly,
    },
    {
      file: 'staff.learning.$course.$lesson.tsx',
      path: seeded_('/staff/learning/ban-hang-an-toan/keeping-proof'),
      method: 'POST',
      form: { intent: 'preview' },
      expect: staffOnly,
    },
    {
      file: 'staff.learning.$course.quiz.$module.tsx',
      path: async () => `/staff/learning/ban-hang-an-toan/quiz/${await firstModuleId('ban-hang-an-toan')}`,
      expect: staffOnly,
    },
    // Lesson audio (issue 16): staff attach it; a published lesson's recording is for everyone.
    {
      file: 'staff.learning.$course.$lesson_.audio.tsx',
      path: seeded_('/staff/learning/ban-hang-an-toan/pay-on-platform/audio'),
      expect: staffOnly,
    },
    {
      file: 'staff.learning.$course.$lesson_.audio.tsx',
      path: seeded_('/staff/learning/ban-hang-an-toan/pay-on-platform/audio'),
      method: 'POST',
      form: { intent: 'remove', language: 'tdd' },
      expect: { ...staffOnly, staff: 'away' },
    },
    { file: 'lesson-audio.$id.ts', path: seededAudio_, expect: everyone('ok') },
    {
      file: 'lesson-audio.$id.ts',
      path: '/lesson-audio/00000000-0000-4000-8000-000000000000',
      expect: everyone('missing'),
    },
    { file: 'staff.learning.game._index.tsx', path: seeded_('/staff/learning/game'), expect: staffOnly },
    { file: 'staff.learning.game.$card.tsx', path: '/staff/learning/game/new', expect: staffOnly },
  ];
}
