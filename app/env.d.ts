import '@remix-run/node';
import '@remix-run/dev';

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
