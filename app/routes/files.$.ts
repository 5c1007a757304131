import type { LoaderFunctionArgs } from '@remix-run/node';
import { isPublicKey, objectResponse } from '~/lib/storage.server';
import { notFound } from '~/lib/responses';

// Public objects only (logos, covers, listing photos): private keys are not found here,
// whoever asks. Identity documents leave through /staff/documents/<id> alone.
const keyPattern = /^public(\/[a-z0-9][a-z0-9_.-]*)+$/;

export async function loader({ params }: LoaderFunctionArgs) {
  const key = params['*'] ?? '';
  if (!keyPattern.test(key) || key.includes('..') || !isPublicKey(key)) throw notFound();
  return objectResponse(key);
}
