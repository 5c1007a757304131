// The shape of the shipped course content. Plain data (Markdown strings per
// language) that db/seeds/learning.ts loads into the database, where staff edit it.

export type Text = { vi: string; en: string };

export type ChoiceContent = { text: Text; correct?: boolean; why: Text };

export type QuestionContent = {
  kind: 'single' | 'multiple' | 'true_false';
  prompt: Text;
  choices: ChoiceContent[];
};

export type LessonContent = { slug: string; title: Text; minutes: number; body: Text; videoUrl?: string };

export type ModuleContent = { title: Text; lessons: LessonContent[]; quiz: QuestionContent[] };

export type CourseContent = {
  slug: string;
  title: Text;
  summary: Text;
  isCore?: boolean;
  position: number;
  modules: ModuleContent[];
};

export type GameCardContent = {
  slug: string;
  kind: 'chat' | 'listing' | 'payment' | 'sms' | 'link';
  verdict: 'safe' | 'scam';
  /** Where the card appears: "Zalo chat with …", "SMS from …". */
  header: Text;
  /** One line per message or field, "Speaker: text" (the speaker part is optional). */
  lines: Text;
  tell: Text;
  explanation: Text;
  lessonId?: string;
};

/** A true/false question: `answer` is the correct one. */
export function trueFalse(prompt: Text, answer: boolean, whyTrue: Text, whyFalse: Text): QuestionContent {
  return {
    kind: 'true_false',
    prompt,
    choices: [
      { text: { vi: 'Đúng', en: 'True' }, correct: answer, why: whyTrue },
      { text: { vi: 'Sai', en: 'False' }, correct: !answer, why: whyFalse },
    ],
  };
}
