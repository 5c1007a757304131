import type { LoaderFunctionArgs } from '@remix-run/node';
import { recordAudit } from '~/lib/audit.server';
import { requireUser } from '~/lib/auth.server';
import { translate } from '~/lib/i18n';
import { localeFromRequest, messagesFor } from '~/lib/i18n.server';
import { isUuid } from '~/lib/ids';
import { objectResponse } from '~/lib/storage.server';
import { findExportForDownload } from '~/modules/privacy/export.server';

// Her data export, only to her: another person's (or a made-up id) is 404, an expired one 410.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = isUuid(params.id)
    ? await findExportForDownload(user.id, params.id)
    : ({ ok: false, status: 404 } as const);
  if (!found.ok) {
    const locale = await localeFromRequest(request, user.locale);
    const text = translate(
      locale,
      messagesFor(locale),
      found.status === 410 ? 'privacy.export.gone' : 'privacy.export.notFound',
    );
    throw new Response(text, {
      status: found.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
    });
  }
  await recordAudit({
    actorId: user.id,
    action: 'data_export.download',
    subjectUserId: user.id,
    detail: { export: params.id ?? null },
  });
  return objectResponse(found.key, { downloadName: 'sen-data.zip' });
}
