import type { LoaderFunctionArgs } from '@remix-run/node';
import { recordAudit } from '~/lib/audit.server';
import { requireStaff } from '~/lib/auth.server';
import { objectResponse } from '~/lib/storage.server';
import { findDocumentKey } from '~/modules/verification';

// The only way to an identity document: staff only (anyone else 403, the
// anonymous to the login page). Folder storage streams it from here; S3
// redirects to a presigned URL that lives at most 5 minutes.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const thumbnail = new URL(request.url).searchParams.has('thumbnail');
  const found = await findDocumentKey(params.id ?? '', thumbnail ? 'thumbnail' : 'file', staff.scope);
  if (!found) throw new Response('Not found', { status: 404 });
  // Identity documents are sensitive data: every opening is on the record, thumbnails included.
  await recordAudit({
    actorId: staff.id,
    action: 'identity_document.open',
    subjectUserId: found.ownerId,
    detail: { document: params.id ?? '', thumbnail },
  });
  return objectResponse(found.key, { downloadName: thumbnail ? undefined : found.name });
}
