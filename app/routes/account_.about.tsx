import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormError, SelectField } from '~/components/form';
import { requireUser } from '~/lib/auth.server';
import { invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { provinces } from '~/lib/provinces';
import { ageGroups, ethnicGroups } from '~/modules/verification/groups';
import { aboutSchema, findAbout, saveAbout } from '~/modules/verification/groups.server';

// Her province (which Union office looks after a buyer or mentor) and, only if
// she wishes and consents, her age group and ethnic group (issue 19).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return findAbout(user.id);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = parseForm(form, aboutSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  await saveAbout(user.id, parsed.data);
  return redirect('/account/about?notice=notice.groups.saved');
}

export default function About() {
  const about = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, locale } = useI18n();
  return (
    <section className="narrow">
      <p>
        <Link to="/account">← {t('accounts.settings.title')}</Link>
      </p>
      <h1>{t('groups.title')}</h1>
      <Form method="post" noValidate className="stack">
        <FormError
          reply={reply}
          labels={{
            homeProvince: t('groups.field.province'),
            ageGroup: t('groups.field.age'),
            ethnicGroup: t('groups.field.ethnic'),
            consent: t('groups.field.consent'),
          }}
        />
        <SelectField
          name="homeProvince"
          label={t('groups.field.province')}
          hint={t('groups.field.provinceHint')}
          reply={reply}
          defaultValue={about.home_province ?? ''}
          options={[{ value: '', label: '—' }, ...provinces.map((p) => ({ value: p.code, label: p[locale] }))]}
        />
        <fieldset className="stack">
          <legend>{t('groups.optional')}</legend>
          <p className="muted">{t('groups.lead')}</p>
          <SelectField
            name="ageGroup"
            label={t('groups.field.age')}
            reply={reply}
            defaultValue={about.age_group ?? ''}
            options={[
              { value: '', label: t('groups.notSaying') },
              ...ageGroups.map((g) => ({ value: g, label: t(`groups.age.${g}`) })),
            ]}
          />
          <SelectField
            name="ethnicGroup"
            label={t('groups.field.ethnic')}
            reply={reply}
            defaultValue={about.ethnic_group ?? ''}
            options={[
              { value: '', label: t('groups.notSaying') },
              ...ethnicGroups.map((g) => ({ value: g, label: t(`groups.ethnic.${g}`) })),
            ]}
          />
          <label>
            <input
              type="checkbox"
              name="consent"
              value="yes"
              defaultChecked={Boolean(about.groups_consented_at)}
              aria-invalid={reply?.errors?.consent ? true : undefined}
            />{' '}
            {t('groups.field.consent')}
          </label>
          {reply?.errors?.consent ? <span className="field-error">{t(reply.errors.consent)}</span> : null}
        </fieldset>
        <button type="submit">{t('groups.save')}</button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'groups.title');
