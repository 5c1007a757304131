import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { localeFromRequest } from '~/lib/i18n.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { CheckBox, InputField, SelectInput } from '~/modules/learning/components';
import {
  deleteQuestionSchema,
  passMarkSchema,
  questionSchema,
  type QuestionForm,
} from '~/modules/learning/forms.server';
import styles from '~/modules/learning/learning.css';
import { idParam } from '~/modules/learning/reader.server';
import { notFound } from '~/lib/responses';
import {
  addQuestion,
  deleteQuestion,
  findModuleForStaff,
  updateModule,
  updateQuestion,
} from '~/modules/learning/staff.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// The answer slots of the question form; quizChoiceSlots in forms.server.ts matches.
const choiceSlots = [1, 2, 3, 4] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, { country: true });
  const locale = await localeFromRequest(request, user.locale);
  const found = await findModuleForStaff(params.course ?? '', idParam(params.module), locale);
  if (!found) throw notFound();
  return found;
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireStaff(request, { country: true });
  const course = params.course ?? '';
  const moduleId = idParam(params.module);
  const found = await findModuleForStaff(course, moduleId, 'vi');
  if (!found) throw notFound();
  const form = await readForm(request);
  const back = `/staff/learning/${course}/quiz/${moduleId}?notice=notice.saved`;
  const intent = form.get('intent');
  if (intent === 'passMark') {
    const parsed = parseForm(form, passMarkSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    await updateModule(course, moduleId, { pass_percent: parsed.data.pass_percent });
    return redirect(back);
  }
  if (intent === 'deleteQuestion') {
    const parsed = parseForm(form, deleteQuestionSchema);
    if (!parsed.ok) throw new Response('Bad Request', { status: 400 });
    await deleteQuestion(moduleId, parsed.data.questionId);
    return redirect(back);
  }
  const parsed = parseForm(form, questionSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const d = parsed.data as Record<string, string | boolean> & QuestionForm;
  const choices = choiceSlots
    .filter((n) => d[`c${n}_vi`] || d[`c${n}_en`])
    .map((n) => ({
      text_vi: String(d[`c${n}_vi`]),
      text_en: String(d[`c${n}_en`]),
      correct: Boolean(d[`c${n}_correct`]),
      explanation_vi: String(d[`c${n}_why_vi`]),
      explanation_en: String(d[`c${n}_why_en`]),
    }));
  if (choices.length < 2 || choices.some((c) => !c.text_vi || !c.text_en))
    return formError(form, { form: 'learning.staff.choicesNeeded' });
  const correct = choices.filter((c) => c.correct).length;
  if (correct === 0 || (d.kind !== 'multiple' && correct !== 1))
    return formError(form, { form: 'learning.staff.correctNeeded' });
  const question = { kind: d.kind, prompt_vi: d.prompt_vi, prompt_en: d.prompt_en, position: d.position, choices };
  if (d.intent === 'editQuestion') {
    if (!d.questionId || !(await updateQuestion(moduleId, d.questionId, question))) throw notFound();
  } else {
    await addQuestion(moduleId, question);
  }
  return redirect(back);
}

export default function StaffQuiz() {
  const { module, questions } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const intent = reply?.values?.intent;
  const passReply = intent === 'passMark' ? reply : undefined;
  const questionReply = intent === 'addQuestion' ? reply : undefined;

  return (
    <section className="staff-grid">
      <p>
        <Link to={`/staff/learning/${module.course_slug}`}>← {module.course_slug}</Link>
      </p>
      <h1>{t('learning.quiz.title', { module: module.title_vi })}</h1>
      <Form method="post" className="stack narrow" noValidate>
        <input type="hidden" name="intent" value="passMark" />
        <Field
          name="pass_percent"
          type="number"
          label={t('learning.staff.passPercent')}
          reply={passReply}
          defaultValue={String(module.pass_percent)}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
      <h2>{t('learning.staff.questions')}</h2>
      <ol>
        {questions.map((q) => (
          <li key={q.id}>
            <details className="card">
              <summary>
                {q.raw.prompt_vi}{' '}
                <span className="muted">({t(`learning.staff.kind.${q.kind}` as 'learning.staff.kind.single')})</span>
              </summary>
              <QuestionForm
                intent="editQuestion"
                questionId={q.id}
                reply={intent === 'editQuestion' && reply?.values?.questionId === String(q.id) ? reply : undefined}
                initial={{
                  kind: q.kind,
                  prompt_vi: q.raw.prompt_vi,
                  prompt_en: q.raw.prompt_en,
                  position: String(q.position),
                  choices: q.raw.choices,
                }}
              />
              <Form noValidate method="post">
                <input type="hidden" name="intent" value="deleteQuestion" />
                <input type="hidden" name="questionId" value={q.id} />
                <button type="submit" className="secondary">
                  {t('learning.staff.deleteQuestion')}
                </button>
              </Form>
            </details>
          </li>
        ))}
      </ol>
      <h2>{t('learning.staff.addQuestion')}</h2>
      <QuestionForm
        intent="addQuestion"
        reply={questionReply}
        initial={{ kind: 'single', prompt_vi: '', prompt_en: '', position: String(questions.length + 1), choices: [] }}
      />
    </section>
  );
}

type Initial = {
  kind: string;
  prompt_vi: string;
  prompt_en: string;
  position: string;
  choices: { text_vi: string; text_en: string; correct: boolean; explanation_vi: string; explanation_en: string }[];
};

/** The question form, for a new question or an existing one (fields named c1_vi … c4_correct). */
function QuestionForm({
  intent,
  questionId,
  reply,
  initial,
}: {
  intent: 'addQuestion' | 'editQuestion';
  questionId?: number;
  reply?: Parameters<typeof Field>[0]['reply'];
  initial: Initial;
}) {
  const { t } = useI18n();
  const prefix = questionId ? `q${questionId}` : 'new';
  return (
    <Form method="post" className="stack" noValidate>
      <FormError reply={reply} />
      <input type="hidden" name="intent" value={intent} />
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      <SelectInput
        idPrefix={prefix}
        name="kind"
        label={t('learning.staff.kind')}
        reply={reply}
        defaultValue={initial.kind}
        options={(['single', 'multiple', 'true_false'] as const).map((k) => ({
          value: k,
          label: t(`learning.staff.kind.${k}`),
        }))}
      />
      <InputField
        idPrefix={prefix}
        name="prompt_vi"
        label={t('learning.staff.promptVi')}
        reply={reply}
        defaultValue={initial.prompt_vi}
        required
        maxLength={1000}
      />
      <InputField
        idPrefix={prefix}
        name="prompt_en"
        label={t('learning.staff.promptEn')}
        reply={reply}
        defaultValue={initial.prompt_en}
        required
        maxLength={1000}
      />
      <InputField
        idPrefix={prefix}
        name="position"
        type="number"
        label={t('learning.staff.position')}
        reply={reply}
        defaultValue={initial.position}
      />
      {choiceSlots.map((n) => {
        const c = initial.choices[n - 1];
        return (
          <fieldset key={n} className="stack">
            <legend>{t('learning.staff.choice', { n })}</legend>
            <InputField
              idPrefix={prefix}
              name={`c${n}_vi`}
              label={t('learning.staff.choiceVi')}
              reply={reply}
              defaultValue={c?.text_vi}
              maxLength={500}
            />
            <InputField
              idPrefix={prefix}
              name={`c${n}_en`}
              label={t('learning.staff.choiceEn')}
              reply={reply}
              defaultValue={c?.text_en}
              maxLength={500}
            />
            <InputField
              idPrefix={prefix}
              name={`c${n}_why_vi`}
              label={t('learning.staff.whyVi')}
              reply={reply}
              defaultValue={c?.explanation_vi}
              maxLength={1000}
            />
            <InputField
              idPrefix={prefix}
              name={`c${n}_why_en`}
              label={t('learning.staff.whyEn')}
              reply={reply}
              defaultValue={c?.explanation_en}
              maxLength={1000}
            />
            <CheckBox name={`c${n}_correct`} label={t('learning.staff.correct')} defaultChecked={c?.correct} />
          </fieldset>
        );
      })}
      <button type="submit">{intent === 'addQuestion' ? t('learning.staff.addQuestion') : t('common.save')}</button>
    </Form>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'learning.staff.title');
