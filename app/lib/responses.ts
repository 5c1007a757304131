// The one "not found": a missing row, a malformed id and a page someone may not
// see all answer the same 404 (the root's ErrorBoundary shows it in her language).
// Thrown by loaders and actions: `throw notFound()`.
export function notFound(): Response {
  return new Response('Not found', { status: 404 });
}
