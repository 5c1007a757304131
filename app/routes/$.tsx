import { ErrorPage } from '~/components/error-page';

// Any path no other route claims: a 404 in the reader's language, for any method.
export function loader() {
  throw new Response('Not found', { status: 404 });
}

export function action() {
  throw new Response('Not found', { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
