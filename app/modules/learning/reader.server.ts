import { getUser } from '~/lib/auth.server';
import { localeFromRequest } from '~/lib/i18n.server';
import { notFound } from '~/lib/responses';

/** Who is reading (maybe nobody) and in which language. */
export async function reader(request: Request) {
  const user = await getUser(request);
  const locale = await localeFromRequest(request, user?.locale);
  return { user, locale };
}

/** A positive integer route parameter, or a 404. */
export function idParam(value: string | undefined) {
  if (!value || !/^\d{1,9}$/.test(value)) throw notFound();
  return Number(value);
}
