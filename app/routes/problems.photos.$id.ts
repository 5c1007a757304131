import type { LoaderFunctionArgs } from '@remix-run/node';
import { hasRole, requireUser } from '~/lib/auth.server';
import { objectResponse } from '~/lib/storage.server';
import { findProblemPhotoKey } from '~/modules/problems';

// A photo of a problem (evidence or a refund receipt): for the order's buyer, its
// seller and staff; anyone else gets a 404, as if it did not exist.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const thumbnail = new URL(request.url).searchParams.has('thumbnail');
  const key = await findProblemPhotoKey(params.id, { id: user.id, staff: hasRole(user, 'staff') }, thumbnail);
  if (!key) throw new Response('Not found', { status: 404 });
  return objectResponse(key);
}
