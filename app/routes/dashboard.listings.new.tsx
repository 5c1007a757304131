import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { requireSeller } from '~/lib/auth.server';
import { invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { listingSchema } from '~/modules/market/forms.server';
import { createListing } from '~/modules/market/listings.server';
import { ListingForm } from '~/modules/market/listing-form';

// A new listing starts as a draft: only its seller sees it until she publishes.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSeller(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const form = await readForm(request);
  const parsed = parseForm(form, listingSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const id = await createListing(user.sellerId, parsed.data);
  return redirect(`/dashboard/listings/${id}?notice=notice.market.created`);
}

export default function NewListing() {
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <p className="small">
        <Link to="/dashboard/listings">{t('market.dashboard.title')}</Link>
      </p>
      <h1>{t('market.new.title')}</h1>
      <p className="muted">{t('market.new.intro')}</p>
      <ListingForm reply={reply} submitLabel={t('market.new.submit')} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'market.new.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
