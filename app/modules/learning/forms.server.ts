import { z } from 'zod';
import { fields } from '~/lib/forms.server';
import { checkbox, courseFields, longText, moduleFields, position, slugField } from './staff-forms.server';

// The learning forms' schemas (messages are locale keys). They live in a server
// module: a schema built at the top of a route module would run in the browser
// too, where server-only helpers do not exist (and zod would ship with the page).
// Routes import them for their actions only; Remix drops the import from the
// browser bundle together with the action.

// ---- Learner pages ----

/** /learn/:course/:lesson — "mark this lesson complete". */
export const completeLessonSchema = z.object({ intent: z.literal('complete') });

/** /learn/game — one answer to a scam-or-safe card. */
export const gameAnswerSchema = z.object({
  card: z.coerce.number().int().positive(),
  answer: z.enum(['safe', 'scam']),
});

// ---- Staff: courses ----

/** /staff/learning — a new course (some slugs are taken by learner routes). */
export const createCourseSchema = z.object({
  slug: slugField.refine((s) => !['game', 'progress', 'safe-seller'].includes(s), 'learning.staff.slugReserved'),
  ...courseFields,
});

/** /staff/learning/:course — the course's own details. */
export const courseSchema = z.object({ intent: z.literal('course'), ...courseFields });
/** /staff/learning/:course — edit one module. */
export const moduleSchema = z.object({
  intent: z.literal('module'),
  moduleId: z.coerce.number().int().positive(),
  ...moduleFields,
});
/** /staff/learning/:course — add a module. */
export const addModuleSchema = z.object({ intent: z.literal('addModule'), ...moduleFields });
/** /staff/learning/:course — add a lesson ("quiz" is the quiz page's path). */
export const addLessonSchema = z.object({
  intent: z.literal('addLesson'),
  slug: slugField.refine((s) => s !== 'quiz', 'learning.staff.slugReserved'),
  module_id: z.coerce.number({ error: 'validation.invalid' }).int().positive('validation.invalid'),
  title_vi: fields.text(160),
  title_en: fields.text(160),
  position,
  published: checkbox,
});

// ---- Staff: lessons ----

/** /staff/learning/:course/:lesson — save or preview a lesson. */
export const lessonSchema = z.object({
  intent: z.enum(['save', 'preview']),
  module_id: z.coerce.number({ error: 'validation.invalid' }).int().positive('validation.invalid'),
  title_vi: fields.text(160),
  title_en: fields.text(160),
  body_vi: longText(20000),
  body_en: longText(20000),
  video_url: z
    .string()
    .trim()
    .max(500, 'validation.tooLong')
    .default('')
    .refine((v) => v === '' || /^https:\/\/[^\s]+$/.test(v), 'learning.staff.videoInvalid')
    .transform((v) => v || null),
  minutes: z.coerce
    .number({ error: 'validation.invalid' })
    .int('validation.invalid')
    .min(1, 'validation.invalid')
    .max(60, 'validation.invalid'),
  position,
  published: checkbox,
});

// ---- Staff: quizzes ----

/** The answer slots of a question form; keep in step with the quiz route's form. */
export const quizChoiceSlots = [1, 2, 3, 4] as const;

const optional = (max: number) => z.string().trim().max(max, 'validation.tooLong').default('');
/** Fields c1_vi, c1_en, c1_why_vi, c1_why_en, c1_correct … c4_correct. */
const choiceShape = Object.fromEntries(
  quizChoiceSlots.flatMap((n) => [
    [`c${n}_vi`, optional(500)],
    [`c${n}_en`, optional(500)],
    [`c${n}_why_vi`, optional(1000)],
    [`c${n}_why_en`, optional(1000)],
    [`c${n}_correct`, checkbox],
  ]),
) as Record<string, z.ZodType<string | boolean>>;

/** /staff/learning/:course/quiz/:module — add or edit a question. */
export const questionSchema = z.object({
  intent: z.enum(['addQuestion', 'editQuestion']),
  questionId: z.coerce.number().int().positive().optional(),
  kind: z.enum(['single', 'multiple', 'true_false'], { error: 'validation.invalid' }),
  prompt_vi: fields.text(1000),
  prompt_en: fields.text(1000),
  position,
  ...choiceShape,
});
export type QuestionForm = z.infer<typeof questionSchema>;

/** /staff/learning/:course/quiz/:module — the module's pass mark. */
export const passMarkSchema = z.object({
  intent: z.literal('passMark'),
  pass_percent: z.coerce.number().int().min(1, 'validation.invalid').max(100, 'validation.invalid'),
});
/** /staff/learning/:course/quiz/:module — delete a question. */
export const deleteQuestionSchema = z.object({
  intent: z.literal('deleteQuestion'),
  questionId: z.coerce.number().int().positive(),
});

// ---- Staff: game cards ----

/** The kinds of game card; keep in step with the card route's select. */
export const gameCardKinds = ['chat', 'listing', 'payment', 'sms', 'link'] as const;

/** /staff/learning/game/:card — create or edit a card. */
export const gameCardSchema = z.object({
  slug: slugField,
  kind: z.enum(gameCardKinds, { error: 'validation.invalid' }),
  verdict: z.enum(['safe', 'scam'], { error: 'validation.invalid' }),
  header_vi: fields.text(200),
  header_en: fields.text(200),
  lines_vi: fields.text(2000),
  lines_en: fields.text(2000),
  tell_vi: fields.text(300),
  tell_en: fields.text(300),
  explanation_vi: fields.text(1500),
  explanation_en: fields.text(1500),
  lesson_id: z
    .string()
    .trim()
    .max(200, 'validation.tooLong')
    .default('')
    .transform((v) => v || null),
  published: checkbox,
});
