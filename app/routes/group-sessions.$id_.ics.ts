import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/lib/auth.server';
import { appUrl } from '~/lib/origin.server';
import { findGroupSession, groupIcs } from '~/modules/mentoring/group.server';
import { notFound } from '~/lib/responses';

// /group-sessions/<id>/ics: the session as an iCalendar file, for its host and the people holding a seat.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const s = await findGroupSession(params.id, user.id);
  if (!s || (s.host_id !== user.id && !s.my_booking)) throw notFound();
  return new Response(groupIcs(s, appUrl().hostname), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="sen-group-${s.id.slice(0, 8)}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
