import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireStaff } from '~/lib/auth.server';
import { objectResponse } from '~/lib/storage.server';
import { ocopCertificateKey } from '~/modules/ocop/ocop.server';

// An OCOP certificate scan (private): staff of the seller's province only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const found = await ocopCertificateKey(staff.scope, params.id ?? '');
  if (!found) throw new Response('Not found', { status: 404 });
  return objectResponse(found.key);
}
