import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Field, FormError, SelectField } from '~/components/form';
import { requireRole } from '~/lib/auth.server';
import { fields, formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { localeFromRequest } from '~/lib/i18n.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { CheckBox } from '~/modules/learning/components';
import styles from '~/modules/learning/learning.css';
import { idParam, notFound } from '~/modules/learning/reader.server';
import { checkbox, position } from '~/modules/learning/staff-forms.server';
import { addQuestion, deleteQuestion, findModuleForStaff, updateModule } from '~/modules/learning/staff.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

const choiceSlots = [1, 2, 3, 4] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'staff');
  const locale = await localeFromRequest(request, user.locale);
  const found = await findModuleForStaff(params.course ?? '', idParam(params.module), locale);
  if (!found) notFound();
  return found;
}

const optional = (max: number) => z.string().trim().max(max, 'validation.tooLong').default('');
const choiceShape = Object.fromEntries(
  choiceSlots.flatMap((n) => [
    [`c${n}_vi`, optional(500)],
    [`c${n}_en`, optional(500)],
    [`c${n}_why_vi`, optional(1000)],
    [`c${n}_why_en`, optional(1000)],
    [`c${n}_correct`, checkbox],
  ]),
) as Record<string, z.ZodType<string | boolean>>;

const questionSchema = z.object({
  intent: z.literal('addQuestion'),
  kind: z.enum(['single', 'multiple', 'true_false'], { error: 'validation.invalid' }),
  prompt_vi: fields.text(1000),
  prompt_en: fields.text(1000),
  position,
  ...choiceShape,
});
const passSchema = z.object({ intent: z.literal('passMark'), pass_percent: z.coerce.number().int().min(1, 'validation.invalid').max(100, 'validation.invalid') });
const deleteSchema = z.object({ intent: z.literal('deleteQuestion'), questionId: z.coerce.number().int().positive() });

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, 'staff');
  const course = params.course ?? '';
  const moduleId = idParam(params.module);
  const found = await findModuleForStaff(course, moduleId, 'vi');
  if (!found) notFound();
  const form = await readForm(request);
  const back = `/staff/learning/${course}/quiz/${moduleId}?notice=notice.saved`;
  const intent = form.get('intent');
  if (intent === 'passMark') {
    const parsed = parseForm(form, passSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    await updateModule(course, moduleId, { pass_percent: parsed.data.pass_percent });
    return redirect(back);
  }
  if (intent === 'deleteQuestion') {
    const parsed = parseForm(form, deleteSchema);
    if (!parsed.ok) throw new Response('Bad Request', { status: 400 });
    await deleteQuestion(moduleId, parsed.data.questionId);
    return redirect(back);
  }
  const parsed = parseForm(form, questionSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const d = parsed.data as Record<string, string | boolean> & z.infer<typeof questionSchema>;
  const choices = choiceSlots
    .filter((n) => d[`c${n}_vi`] || d[`c${n}_en`])
    .map((n) => ({
      text_vi: String(d[`c${n}_vi`]),
      text_en: String(d[`c${n}_en`]),
      correct: Boolean(d[`c${n}_correct`]),
      explanation_vi: String(d[`c${n}_why_vi`]),
      explanation_en: String(d[`c${n}_why_en`]),
    }));
  if (choices.length < 2 || choices.some((c) => !c.text_vi || !c.text_en)) return formError(form, { form: 'learning.staff.choicesNeeded' });
  const correct = choices.filter((c) => c.correct).length;
  if (correct === 0 || (d.kind !== 'multiple' && correct !== 1)) return formError(form, { form: 'learning.staff.correctNeeded' });
  await addQuestion(moduleId, { kind: d.kind, prompt_vi: d.prompt_vi, prompt_en: d.prompt_en, position: d.position, choices });
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
        <Field name="pass_percent" type="number" label={t('learning.staff.passPercent')} reply={passReply} defaultValue={String(module.pass_percent)} />
        <button type="submit">{t('common.save')}</button>
      </Form>
      <h2>{t('learning.staff.questions')}</h2>
      <ol>
        {questions.map((q) => (
          <li key={q.id}>
            <p>
              <strong>{q.raw.prompt_vi}</strong> / {q.raw.prompt_en} <span className="muted">({t(`learning.staff.kind.${q.kind}` as 'learning.staff.kind.single')})</span>
            </p>
            <ul>
              {q.choices.map((c) => (
                <li key={c.id}>
                  {c.correct ? '✓ ' : ''}
                  {c.text} <span className="muted">— {c.explanation}</span>
                </li>
              ))}
            </ul>
            <Form method="post">
              <input type="hidden" name="intent" value="deleteQuestion" />
              <input type="hidden" name="questionId" value={q.id} />
              <button type="submit" className="secondary">
                {t('learning.staff.deleteQuestion')}
              </button>
            </Form>
          </li>
        ))}
      </ol>
      <h2>{t('learning.staff.addQuestion')}</h2>
      <Form method="post" className="stack" noValidate>
        <FormError reply={questionReply} />
        <input type="hidden" name="intent" value="addQuestion" />
        <SelectField
          name="kind"
          label={t('learning.staff.kind')}
          reply={questionReply}
          options={(['single', 'multiple', 'true_false'] as const).map((k) => ({ value: k, label: t(`learning.staff.kind.${k}`) }))}
        />
        <Field name="prompt_vi" label={t('learning.staff.promptVi')} reply={questionReply} required maxLength={1000} />
        <Field name="prompt_en" label={t('learning.staff.promptEn')} reply={questionReply} required maxLength={1000} />
        <Field name="position" type="number" label={t('learning.staff.position')} reply={questionReply} defaultValue={String(questions.length + 1)} />
        {choiceSlots.map((n) => (
          <fieldset key={n} className="stack">
            <legend>{t('learning.staff.choice', { n })}</legend>
            <Field name={`c${n}_vi`} label={t('learning.staff.choiceVi')} reply={questionReply} maxLength={500} />
            <Field name={`c${n}_en`} label={t('learning.staff.choiceEn')} reply={questionReply} maxLength={500} />
            <Field name={`c${n}_why_vi`} label={t('learning.staff.whyVi')} reply={questionReply} maxLength={1000} />
            <Field name={`c${n}_why_en`} label={t('learning.staff.whyEn')} reply={questionReply} maxLength={1000} />
            <CheckBox name={`c${n}_correct`} label={t('learning.staff.correct')} />
          </fieldset>
        ))}
        <button type="submit">{t('learning.staff.addQuestion')}</button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'learning.staff.title');
