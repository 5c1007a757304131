import { log } from '~/lib/log.server';
import type { Carrier } from './carrier';
import { ghnCarrier, ghnConfig } from './ghn.server';

// The carriers Sen can use, each configured by its own environment variables.
// A second carrier is one file (like ghn.server.ts) and one line here. The first
// configured one quotes fees and takes new shipments; webhooks reach each by code.

const makers: ((env: Partial<Record<string, string>>) => Carrier | null)[] = [
  (env) => {
    const config = ghnConfig(env);
    return config ? ghnCarrier(config) : null;
  },
];

let told = false;

/** The carrier quoting fees and taking shipments, or null: then flat fees and hand-typed tracking, as before. */
export function activeCarrier(env: Partial<Record<string, string>> = process.env): Carrier | null {
  for (const make of makers) {
    const carrier = make(env);
    if (carrier) return carrier;
  }
  if (!told) {
    told = true;
    log.info('shipping: no carrier configured (GHN_TOKEN, GHN_SHOP_ID): flat fees and hand-typed tracking');
  }
  return null;
}

/** A configured carrier by its code (the webhook's path), or null. */
export function carrierByCode(
  code: string | undefined,
  env: Partial<Record<string, string>> = process.env,
): Carrier | null {
  for (const make of makers) {
    const carrier = make(env);
    if (carrier && carrier.code === code) return carrier;
  }
  return null;
}
