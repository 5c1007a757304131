import { notFound } from '~/lib/responses';

// Any path no other route claims: a 404 in the reader's language, for any method.
export function loader() {
  throw notFound();
}

export function action() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
