import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/lib/auth.server';
import { translatorFor } from '~/lib/i18n.server';
import { findSessionFor, sessionIcs } from '~/modules/mentoring/index.server';
import { appUrl } from '~/lib/origin.server';
import { notFound } from '~/lib/responses';

// /sessions/<id>/ics: the session as an iCalendar file, for its two people only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const s = await findSessionFor(params.id ?? '', user.id);
  if (!s) throw notFound();
  const t = translatorFor(user.locale);
  const other = s.side === 'mentor' ? s.mentee_name : s.mentor_name;
  const summary = t(s.side === 'mentor' ? 'mentoring.sessions.withMentee' : 'mentoring.sessions.withMentor', {
    name: other,
  });
  const body = sessionIcs(s, summary, appUrl().hostname);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="sen-session-${s.id.slice(0, 8)}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
