import { notFound } from './responses';

// One rule for the ids people can put in a URL or a form: PostgreSQL answers a
// malformed uuid with an error, so anything that is not one is "not found" first.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

/** A route's uuid param, or a 404 for anything else (a missing row and a malformed id look the same). */
export function idParam(value: string | undefined): string {
  if (!isUuid(value)) throw notFound();
  return value;
}
