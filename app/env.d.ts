/// <reference types="@remix-run/node" />
/// <reference types="@remix-run/dev" />
import '@remix-run/node';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** The client's address: the socket's, or X-Forwarded-For's only when TRUST_PROXY is set. */
    clientAddress: string;
    requestId: string;
  }
}
