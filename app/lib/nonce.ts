import { createContext, useContext } from 'react';

// The per-response nonce that lets Remix's own inline scripts run under the
// Content-Security-Policy (entry.server.tsx makes it and sends the header).
// In the browser there is none to give: the scripts have already run.
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce() {
  return useContext(NonceContext);
}
