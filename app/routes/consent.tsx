import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { FormError } from '~/components/form';
import { requireUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { safeRedirect } from '~/lib/redirect.server';
import { ConsentBoxes } from '~/modules/legal/consent-boxes';
import { agreedToCurrentTerms, recordConsents } from '~/modules/legal/consents.server';
import { consentSchema } from '~/modules/legal/forms.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const back = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '/');
  if (agreedToCurrentTerms(user.termsVersion)) throw redirect(back);
  return { asked: user.termsVersion !== null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = parseForm(form, consentSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  await recordConsents(db, user.id, parsed.data.unionNews ? ['terms', 'union_news'] : ['terms']);
  return redirect(safeRedirect(parsed.data.redirectTo, '/'));
}

export default function Consent() {
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const [params] = useSearchParams();
  return (
    <section className="narrow">
      <h1>{t('legal.consent.title')}</h1>
      <p>{t('legal.consent.lead')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError reply={reply} />
        <ConsentBoxes reply={reply} />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <button type="submit">{t('legal.consent.submit')}</button>
      </Form>
      <Form method="post" action="/logout">
        <button type="submit" className="secondary">
          {t('legal.consent.decline')}
        </button>
      </Form>
      <p>
        <Link to="/account/privacy">{t('legal.consent.data')}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'legal.consent.title');
