import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Field, FormError, SelectField } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { CheckBox, GameCard, TextArea } from '~/modules/learning/components';
import { gameCardSchema } from '~/modules/learning/forms.server';
import styles from '~/modules/learning/learning.css';
import { presentCard } from '~/modules/learning/index.server';
import { idParam } from '~/modules/learning/reader.server';
import { notFound } from '~/lib/responses';
import { findCardForStaff, saveCard } from '~/modules/learning/staff.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// The card kinds for the select; gameCardKinds in forms.server.ts matches.
const kinds = ['chat', 'listing', 'payment', 'sms', 'link'] as const;

function cardId(param: string | undefined) {
  return param === 'new' ? null : idParam(param);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, { country: true });
  const id = cardId(params.card);
  if (id === null) return { card: null, preview: null };
  const card = await findCardForStaff(id);
  if (!card) throw notFound();
  return { card, preview: { vi: presentCard(card, 'vi'), en: presentCard(card, 'en') } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireStaff(request, { country: true });
  const id = cardId(params.card);
  const form = await readForm(request);
  const parsed = parseForm(form, gameCardSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const saved = await saveCard(id, parsed.data);
  if (!saved.ok) {
    if (saved.field === 'missing') throw notFound();
    return formError(
      form,
      saved.field === 'slug' ? { slug: 'learning.staff.slugTaken' } : { lesson_id: 'learning.staff.lessonMissing' },
    );
  }
  return redirect(`/staff/learning/game/${saved.id}?notice=notice.saved`);
}

export default function StaffGameCard() {
  const { card, preview } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <p>
        <Link to="/staff/learning/game">← {t('learning.staff.cards')}</Link>
      </p>
      <h1>{card ? card.header_vi : t('learning.staff.newCard')}</h1>
      {preview ? (
        <>
          <GameCard card={preview.vi} />
          <GameCard card={preview.en} />
        </>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormError reply={reply} />
        <Field
          name="slug"
          label={t('learning.staff.slug')}
          reply={reply}
          defaultValue={card?.slug}
          required
          maxLength={80}
        />
        <SelectField
          name="kind"
          label={t('learning.staff.cardKind')}
          reply={reply}
          defaultValue={card?.kind}
          options={kinds.map((k) => ({ value: k, label: t(`learning.game.kind.${k}`) }))}
        />
        <SelectField
          name="verdict"
          label={t('learning.staff.verdict')}
          reply={reply}
          defaultValue={card?.verdict}
          options={[
            { value: 'scam', label: t('learning.game.verdict.scam') },
            { value: 'safe', label: t('learning.game.verdict.safe') },
          ]}
        />
        <Field
          name="header_vi"
          label={t('learning.staff.headerVi')}
          reply={reply}
          defaultValue={card?.header_vi}
          required
          maxLength={200}
        />
        <Field
          name="header_en"
          label={t('learning.staff.headerEn')}
          reply={reply}
          defaultValue={card?.header_en}
          required
          maxLength={200}
        />
        <TextArea
          name="lines_vi"
          label={t('learning.staff.linesVi')}
          hint={t('learning.staff.linesHint')}
          reply={reply}
          defaultValue={card?.lines_vi}
          maxLength={2000}
        />
        <TextArea
          name="lines_en"
          label={t('learning.staff.linesEn')}
          reply={reply}
          defaultValue={card?.lines_en}
          maxLength={2000}
        />
        <Field
          name="tell_vi"
          label={t('learning.staff.tellVi')}
          reply={reply}
          defaultValue={card?.tell_vi}
          required
          maxLength={300}
        />
        <Field
          name="tell_en"
          label={t('learning.staff.tellEn')}
          reply={reply}
          defaultValue={card?.tell_en}
          required
          maxLength={300}
        />
        <TextArea
          name="explanation_vi"
          label={t('learning.staff.explanationVi')}
          reply={reply}
          defaultValue={card?.explanation_vi}
          rows={3}
          maxLength={1500}
        />
        <TextArea
          name="explanation_en"
          label={t('learning.staff.explanationEn')}
          reply={reply}
          defaultValue={card?.explanation_en}
          rows={3}
          maxLength={1500}
        />
        <Field
          name="lesson_id"
          label={t('learning.staff.cardLesson')}
          hint={t('learning.staff.cardLessonHint')}
          reply={reply}
          defaultValue={card?.lesson_id ?? ''}
          maxLength={200}
        />
        <CheckBox name="published" label={t('learning.staff.publish')} defaultChecked={card?.published ?? false} />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'learning.staff.cards');
