import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from '@remix-run/react';
import enErrors from '~/locales/en/errors.json';
import viErrors from '~/locales/vi/errors.json';

// The error page carries its own few strings: it must speak the reader's language
// even when the root loader (which sends the messages) is what failed.
const strings = { vi: viErrors, en: enErrors };

type RootBits = { locale?: 'vi' | 'en'; requestId?: string | null };

export function ErrorPage() {
  const error = useRouteError();
  const root = useRouteLoaderData('root') as RootBits | undefined;
  const s = strings[root?.locale ?? 'vi'];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] =
    status === 404
      ? [s['errors.notFound.title'], s['errors.notFound.text']]
      : status === 403
        ? [s['errors.forbidden.title'], s['errors.forbidden.text']]
        : status === 429
          ? [s['errors.tooMany.title'], s['errors.tooMany.text']]
          : status < 500
            ? [s['errors.badRequest.title'], s['errors.badRequest.text']]
            : [s['errors.server.title'], s['errors.server.text']];
  return (
    <section className="narrow">
      <h1>{title}</h1>
      <p>{text}</p>
      {status >= 500 && root?.requestId ? (
        <p className="muted">
          {s['errors.requestId']} <code>{root.requestId}</code>
        </p>
      ) : null}
      <p>
        <Link to="/">{s['errors.home']}</Link>
      </p>
    </section>
  );
}
