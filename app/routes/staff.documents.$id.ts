import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '~/lib/auth.server';
import { objectResponse } from '~/lib/storage.server';
import { findDocumentKey } from '~/modules/verification/verification.server';

// The only way to an identity document: staff only (anyone else 403, the
// anonymous to the login page). Folder storage streams it from here; S3
// redirects to a presigned URL that lives at most 5 minutes.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'staff');
  const thumbnail = new URL(request.url).searchParams.has('thumbnail');
  const found = await findDocumentKey(params.id ?? '', thumbnail ? 'thumbnail' : 'file');
  if (!found) throw new Response('Not found', { status: 404 });
  return objectResponse(found.key, { downloadName: thumbnail ? undefined : found.name });
}
