import { redirect } from '@remix-run/node';
import type { OcopStatus } from '../../../db/schema';
import { formError, invalid, parseForm } from '~/lib/forms.server';
import { isUuid } from '~/lib/ids';
import { filesOf } from '~/lib/uploads.server';
import { makerChoices, setListingMaker } from '~/modules/cooperatives/members.server';
import { declareOcop, ocopSchema } from './ocop.server';

// The listing edit page's origin/OCOP and maker forms (issue 20), kept apart from
// the listing form so the market's own code stays as it was.

type ListingOrigin = {
  origin_province: string | null;
  ocop_stars: number | null;
  ocop_number: string | null;
  ocop_year: number | null;
  ocop_status: OcopStatus;
  maker_member_id: string | null;
};

export async function originOfListing(sellerId: string, listing: ListingOrigin) {
  return {
    ocop: {
      origin: listing.origin_province,
      stars: listing.ocop_stars,
      number: listing.ocop_number,
      year: listing.ocop_year,
      status: listing.ocop_status,
    },
    maker: listing.maker_member_id,
    makers: await makerChoices(sellerId),
  };
}

export async function handleOriginIntent(sellerId: string, listingId: string, form: FormData) {
  if (form.get('intent') === 'maker') {
    const maker = String(form.get('maker') ?? '');
    if (maker && !isUuid(maker)) return formError(form, { maker: 'validation.invalid' });
    if (!(await setListingMaker(sellerId, listingId, maker || null)))
      return formError(form, { maker: 'validation.invalid' });
    return redirect(`/dashboard/listings/${listingId}?notice=notice.saved`);
  }
  const parsed = parseForm(form, ocopSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const certificate = filesOf(form, 'certificate')[0] ?? null;
  const result = await declareOcop(sellerId, listingId, parsed.data, certificate);
  if (!result.ok) return formError(form, { [result.field]: result.error });
  return redirect(`/dashboard/listings/${listingId}?notice=notice.saved`);
}
