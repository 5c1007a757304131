import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import {
  type ClientLoaderFunctionArgs,
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react';
import { useNonce } from '~/lib/nonce';
import { sendsScripts } from '~/lib/page-scripts';
import { pageScript } from '~/lib/page-script';
import type { ReactNode } from 'react';
import { ErrorPage } from './components/error-page';
import { Icon, type IconName } from './components/icons';
import { getUser, hasRole } from './lib/auth.server';
import { isMessageKey, localeFromRequest, messagesUrl } from './lib/i18n.server';
import { wantsSmallImages } from './lib/save-data.server';
import { agreedToCurrentTerms, openWithoutConsent } from './modules/legal/consents.server';
import { defaultLocale, defaultTimeZone, loadMessages, messagesUrlOf, useI18n } from './lib/i18n';
import styles from './styles/app.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'manifest', href: '/manifest.webmanifest' },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request);
  // Silence is not consent: a person who has not agreed to the texts in force is asked first.
  if (user && !agreedToCurrentTerms(user.termsVersion)) {
    const { pathname, search } = new URL(request.url);
    if (!openWithoutConsent.test(pathname))
      throw redirect(`/consent?redirectTo=${encodeURIComponent(pathname + search)}`);
  }
  const locale = await localeFromRequest(request, user?.locale);
  // A one-off message after a redirect ("?notice=notice.loggedOut"), limited to known keys.
  const notice = new URL(request.url).searchParams.get('notice');
  return {
    locale,
    timeZone: user?.timeZone ?? defaultTimeZone,
    // Only the address of the reader's messages: the page itself never carries them.
    messagesUrl: messagesUrl(locale),
    requestId: context?.requestId ?? null,
    // Smaller images for a slow or metered connection (issue 16).
    saveData: await wantsSmallImages(request),
    notice: notice && notice.startsWith('notice.') && isMessageKey(notice) ? notice : null,
    user: user
      ? {
          displayName: user.displayName,
          isStaff: hasRole(user, 'staff'),
          isEntrepreneur: hasRole(user, 'entrepreneur'),
          isMentor: hasRole(user, 'mentor'),
          // Read with her session, in the same statement.
          unreadMessages: user.unreadMessages,
          unreadNotifications: user.unreadNotifications,
        }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

// In the browser, after a form changed the language (language switch, account,
// sign-up), the new language's messages are loaded before it is shown.
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  if (!(await loadMessages(data.locale, data.messagesUrl))) {
    // Could not fetch them: show the page from the server instead of keys.
    window.location.reload();
    await new Promise(() => {});
  }
  return data;
}

// The language and the signed-in person only change through a form submission.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => {
  if (formMethod && formMethod.toUpperCase() !== 'GET') return defaultShouldRevalidate;
  // Reading messages changes the unread count in the header.
  if (/^\/(messages|notifications)/.test(currentUrl.pathname) || /^\/(messages|notifications)/.test(nextUrl.pathname))
    return defaultShouldRevalidate;
  return currentUrl.searchParams.get('notice') !== nextUrl.searchParams.get('notice');
};

export const meta: MetaFunction = () => [{ title: 'Sen' }];

type Destination = { to: string; icon: IconName; label: string; name?: string; badge?: number };

// Four destinations and "more" on a phone's bottom bar, chosen by what she does on
// Sen; everything else is one tap away on /menu (a plain link: works without scripts).
function destinations(user: RootData['user'], t: ReturnType<typeof useI18n>['t']): Destination[] {
  const market: Destination = { to: '/market', icon: 'market', label: t('nav.market') };
  const learn: Destination = { to: '/learn', icon: 'learn', label: t('lastmile.nav.learn'), name: t('nav.learn') };
  const more: Destination = { to: '/menu', icon: 'more', label: t('lastmile.nav.more') };
  if (!user) {
    return [
      market,
      learn,
      { to: '/mentors', icon: 'mentors', label: t('nav.mentors') },
      { to: '/safety', icon: 'safety', label: t('lastmile.nav.safety'), name: t('nav.safety') },
      more,
    ];
  }
  const messages: Destination = {
    to: '/messages',
    icon: 'messages',
    label: t('messaging.nav'),
    name: user.unreadMessages ? t('messaging.nav.unread', { n: user.unreadMessages }) : undefined,
    badge: user.unreadMessages,
  };
  const fourth: Destination = user.isStaff
    ? { to: '/staff/verifications', icon: 'staff', label: t('lastmile.nav.staff') }
    : user.isEntrepreneur
      ? { to: '/dashboard', icon: 'dashboard', label: t('verification.nav.dashboard') }
      : user.isMentor
        ? { to: '/sessions', icon: 'calendar', label: t('mentoring.nav.sessions') }
        : { to: '/orders', icon: 'orders', label: t('orders.nav.orders') };
  return [market, learn, messages, fourth, more];
}

/** A plain link to a neutral page; the page script makes it replace the history entry. */
export const quickExitUrl = 'https://www.google.com/search?q=th%E1%BB%9Di+ti%E1%BA%BFt';

function Header() {
  const data = useRouteLoaderData<typeof loader>('root');
  const { t } = useI18n();
  const { pathname } = useLocation();
  const user = data?.user ?? null;
  return (
    <header className="site-header">
      <div className="bar">
        <Link to="/" className="brand" aria-label={t('lastmile.nav.home')}>
          Sen
        </Link>
        <a
          href={quickExitUrl}
          className="quick-exit"
          data-quick-exit=""
          rel="noreferrer"
          title={t('lastmile.quickExit.title')}
        >
          <Icon name="exit" />
          {t('lastmile.quickExit')}
        </a>
        {user ? (
          <Link
            to="/notifications"
            className="top-icon"
            aria-label={
              user.unreadNotifications
                ? t('notifications.nav.unread', { n: user.unreadNotifications })
                : t('notifications.nav')
            }
          >
            <Icon name="bell" />
            {user.unreadNotifications ? <span className="count">{user.unreadNotifications}</span> : null}
          </Link>
        ) : (
          <Link to="/login" className="top-link">
            {t('nav.login')}
          </Link>
        )}
        <Link to="/cart" className="top-icon" aria-label={t('orders.nav.cart')}>
          <Icon name="cart" />
        </Link>
      </div>
      <nav className="bottom-nav" aria-label={t('nav.main')}>
        {destinations(user, t).map((d) => (
          <Link
            key={d.to}
            to={d.to}
            aria-label={d.name}
            aria-current={pathname === d.to || pathname.startsWith(`${d.to}/`) ? 'page' : undefined}
          >
            <Icon name={d.icon} />
            <span>{d.label}</span>
            {d.badge ? <span className="count">{d.badge}</span> : null}
          </Link>
        ))}
      </nav>
    </header>
  );
}

/** The language switch and sign-out, at the foot of every page and on /menu. */
export function AccountActions() {
  const data = useRouteLoaderData<typeof loader>('root');
  const { t, locale } = useI18n();
  const location = useLocation();
  const other = locale === 'vi' ? 'en' : 'vi';
  return (
    <div className="account-actions">
      <Form noValidate method="post" action="/language" className="inline-form">
        <input type="hidden" name="locale" value={other} />
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <button type="submit" className="link" lang={other}>
          {other === 'en' ? 'English' : 'Tiếng Việt'}
        </button>
      </Form>
      {data?.user ? <Link to="/account">{data.user.displayName}</Link> : null}
      {data?.user ? (
        <Form noValidate method="post" action="/logout" className="inline-form">
          <button type="submit" className="link">
            {t('nav.logout')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const locale = data?.locale ?? defaultLocale;
  // A deferred classic script: it does not hold up the first paint, and it has run
  // by DOMContentLoaded, which entry.client.tsx waits for before hydrating (issue 22).
  const messagesSrc = data?.messagesUrl ?? messagesUrlOf(locale);
  const nonce = useNonce();
  // Light pages (app/lib/page-scripts.ts) are served without the client scripts. Only
  // the server's first render decides: once scripts run (a scripted page navigated
  // here in the browser), they stay.
  const scripts = sendsScripts(useMatches()) || typeof document !== 'undefined';
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#a3174f" />
        <Meta />
        <Links />
        {scripts && messagesSrc ? <script id="sen-messages" src={messagesSrc} defer suppressHydrationWarning /> : null}
      </head>
      <body>
        {children}
        <script id="sen-page" nonce={nonce} dangerouslySetInnerHTML={{ __html: pageScript }} suppressHydrationWarning />
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main">{children}</main>
      <footer className="site-footer">
        <AccountActions />
        <p>{t('footer.text')}</p>
        <nav aria-label={t('legal.about.title')} className="footer-nav">
          <Link to="/about">{t('legal.footer.about')}</Link>
          <Link to="/terms">{t('legal.footer.terms')}</Link>
          <Link to="/privacy">{t('legal.footer.privacy')}</Link>
        </nav>
      </footer>
    </>
  );
}

export default function App() {
  const { notice } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <Shell>
      {notice ? (
        <p className="notice" role="status">
          {t(notice)}
        </p>
      ) : null}
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  return (
    <Shell>
      <ErrorPage />
    </Shell>
  );
}
